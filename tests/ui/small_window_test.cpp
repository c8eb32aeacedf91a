// Issue 8 §6: at 800x600 the form stays usable. The form | preview bar and the bar above the
// log are dragged by the mouse and stop at the panes' minimums; the log's height is kept in the
// settings; text fields keep a usable width; radio rows wrap; the wheel over a list that is at
// its end scrolls the form.
#include "model/utf8_path.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/pane_layout.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"
#include "widgets.hpp"

#include <filesystem>

using namespace aovpn;

namespace {

constexpr ImVec2 kSmall(800.0f, 600.0f);

void azure(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frames(3);
}

ImVec2 centre(const ui::LocatedItem& it) {
    return ImVec2((it.minX + it.maxX) * 0.5f, (it.minY + it.maxY) * 0.5f);
}

// Presses the mouse on `label`'s centre, moves it by `by` in steps, releases it.
void drag(test::UiDriver& ui, const std::string& label, ImVec2 by) {
    ui.frame();
    const ui::LocatedItem* it = ui.find(label);
    REQUIRE_MESSAGE(it != nullptr, "no widget labelled " << label);
    const ImVec2 from = centre(*it);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(from.x, from.y);
    ui.frame();
    io.AddMouseButtonEvent(0, true);
    ui.frame();
    for (int step = 1; step <= 4; ++step) {
        const float f = static_cast<float>(step) / 4.0f;
        io.AddMousePosEvent(from.x + by.x * f, from.y + by.y * f);
        ui.frame();
    }
    io.AddMouseButtonEvent(0, false);
    ui.frames(2);
}

ImGuiWindow* childNamed(const char* part) {
    ImGuiWindow* main = ImGui::FindWindowByName("##main");
    REQUIRE(main != nullptr);
    for (ImGuiWindow* w : main->DC.ChildWindows)
        if (std::string(w->Name).find(part) != std::string::npos) return w;
    return nullptr;
}

// Scrolls the form down until `label` is on screen (clipped widgets report nothing).
const ui::LocatedItem* scrollFormTo(test::UiDriver& ui, const std::string& label) {
    ImGuiWindow* form = childNamed("/Form");
    REQUIRE(form != nullptr);
    for (int k = 0; k < 60; ++k) {
        ui.frame();
        if (const ui::LocatedItem* it = ui.find(label)) return it;
        ui.frameWith([&] { ImGui::SetScrollY(form, form->Scroll.y + 60.0f); });
    }
    return nullptr;
}

float width(const ui::LocatedItem& it) {
    return it.maxX - it.minX;
}

} // namespace

TEST_CASE("800x600: the form | preview bar drags the split and stops at the panes' minimums") {
    test::UiDriver ui(kSmall);
    azure(ui);
    const ui::PaneMinimums m = ui::paneMinimums(ImGui::GetFontSize());
    ImGuiWindow* form = childNamed("/Form");
    REQUIRE(form != nullptr);
    const float before = form->Size.x;
    CHECK(before >= m.form); // 0.46 of 800 would be less: the form keeps its minimum

    drag(ui, "form-preview splitter", ImVec2(60.0f, 0.0f));
    CHECK(form->Size.x == doctest::Approx(before + 60.0f).epsilon(0.02));
    const float dragged = ui.state.view.formFraction;
    CHECK(dragged > ui::kDefaultFormFraction);

    drag(ui, "form-preview splitter", ImVec2(400.0f, 0.0f)); // far right: the preview's minimum
    ImGuiWindow* preview = childNamed("/Preview");
    REQUIRE(preview != nullptr);
    CHECK(preview->Size.x >= m.preview - 1.0f);
    CHECK(preview->Size.x <= m.preview + 2.0f);

    drag(ui, "form-preview splitter", ImVec2(-700.0f, 0.0f)); // far left: the form's minimum
    CHECK(form->Size.x == doctest::Approx(m.form).epsilon(0.01));
}

TEST_CASE("the pane split shares what fits; a window too narrow for both keeps the form") {
    const ui::PaneMinimums m = ui::paneMinimums(10.0f); // form 300, preview 140
    CHECK(ui::splitWidths(1000.0f, 0.5f, m).form == 500.0f);
    CHECK(ui::splitWidths(1000.0f, 0.1f, m).form == 300.0f);
    CHECK(ui::splitWidths(1000.0f, 0.95f, m).preview == 140.0f);
    const ui::SplitWidths narrow = ui::splitWidths(380.0f, 0.5f, m);
    CHECK(narrow.form == 300.0f);
    CHECK(narrow.preview == 80.0f);
    CHECK(ui::splitWidths(200.0f, 0.5f, m).form == 200.0f);
    CHECK(ui::fractionFor(1000.0f, 100.0f, m) == doctest::Approx(0.3f));
}

TEST_CASE("800x600: the bar above the log drags its height, clamped, and settings keep it") {
    test::UiDriver ui(kSmall);
    azure(ui);
    const float before = ui.state.view.logHeight;
    drag(ui, "log splitter", ImVec2(0.0f, -80.0f));
    CHECK(ui.state.view.logHeight == doctest::Approx(before + 80.0f).epsilon(0.03));
    ImGuiWindow* log = childNamed("/Log");
    REQUIRE(log != nullptr);
    CHECK(log->Size.y == doctest::Approx(ui.state.view.logHeight).epsilon(0.05));

    const ui::PaneMinimums m = ui::paneMinimums(ImGui::GetFontSize());
    drag(ui, "log splitter", ImVec2(0.0f, -600.0f)); // the top panes keep their minimum
    ImGuiWindow* form = childNamed("/Form");
    REQUIRE(form != nullptr);
    CHECK(form->Size.y >= m.top - 1.0f);
    drag(ui, "log splitter", ImVec2(0.0f, 600.0f)); // the log keeps its minimum
    CHECK(ui.state.view.logHeight == doctest::Approx(m.log));

    drag(ui, "log splitter", ImVec2(0.0f, -50.0f));
    drag(ui, "form-preview splitter", ImVec2(40.0f, 0.0f));
    const std::string dir = test::scratchDir() + "/small-window";
    std::filesystem::create_directories(pathFromUtf8(dir));
    const std::string file = dir + "/settings.ini";
    ui::keepLayout(ui.state.view, ui.state.settings);
    REQUIRE(ui::saveSettings(ui.state.settings, file).empty());
    ui::ViewState fresh;
    ui::restoreLayout(fresh, ui::loadSettings(file));
    CHECK(fresh.logHeight == doctest::Approx(ui.state.view.logHeight).epsilon(0.001));
    CHECK(fresh.formFraction == doctest::Approx(ui.state.view.formFraction).epsilon(0.001));
}

TEST_CASE("a damaged or missing layout in the settings gives the defaults") {
    ui::Settings s;
    s.formFraction = 7.0f;
    s.logHeight = -3.0f;
    ui::ViewState view;
    ui::restoreLayout(view, s);
    CHECK(view.formFraction == ui::kDefaultFormFraction);
    CHECK(view.logHeight == ui::kDefaultLogHeight);
}

TEST_CASE("800x600: text fields keep at least the minimum width") {
    test::UiDriver ui(kSmall);
    azure(ui);
    ui.frame();
    const float least = ImGui::GetFontSize() * 12.0f;
    for (const char* label : {"Profile name", "Server FQDN", "Server friendly name"}) {
        const ui::LocatedItem* it = ui.find(label);
        REQUIRE_MESSAGE(it != nullptr, label);
        CHECK_MESSAGE(width(*it) >= least, label << " is " << width(*it) << " px wide");
    }
    // The friendly name went under the address rather than squeezing it.
    CHECK(ui.find("Server friendly name")->minY > ui.find("Server FQDN")->maxY);
}

TEST_CASE("800x600: no table column is narrower than its header (filters, routes)") {
    test::UiDriver ui(kSmall);
    azure(ui);
    ui.state.doc.profile.trafficFilters.emplace_back();
    ui::markEdited(ui.state, {});
    REQUIRE(scrollFormTo(ui, "filter-ports") != nullptr);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    int checked = 0;
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        const ImGuiTable* t = g.Tables.TryGetMapData(n);
        if (!t || t->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < t->ColumnsCount; ++c) {
            const std::string name = ImGui::TableGetColumnName(t, c);
            if (name.empty()) continue;
            ++checked;
            CHECK_MESSAGE(t->Columns[c].WidthGiven + 1.0f >= ImGui::CalcTextSize(name.c_str()).x,
                          name << " is " << t->Columns[c].WidthGiven << " px wide");
            // Wider than the header where the cell needs it: "any app", "(not set)" and its arrow.
            const float fonts = name == "App" ? 4.5f : name == "Direction" ? 6.5f : 0.0f;
            CHECK_MESSAGE(t->Columns[c].WidthGiven + 1.0f >= fonts * ImGui::GetFontSize(),
                          name << " is " << t->Columns[c].WidthGiven << " px wide");
        }
    }
    CHECK(checked >= 9); // the filters' five named columns and the routes' four at least
}

TEST_CASE("a radio row wraps where the next radio does not fit; labels go above narrow fields") {
    test::HeadlessImGui gui;
    std::vector<ui::LocatedItem> items;
    ui::setWidgetLocator(ImGui::GetCurrentContext(),
                         [&](const ui::LocatedItem& it) { items.push_back(it); });
    const auto draw = [&](float w) {
        items.clear();
        gui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(w, 300.0f));
            ImGui::Begin("narrow", nullptr, ImGuiWindowFlags_NoDecoration);
            ui::fieldLabel("Tunnel");
            ui::radioRow({"User tunnel", "Device tunnel"}, 0);
            ui::fieldLabel("Name");
            std::string text;
            ui::inputText("##Name", text);
            ImGui::End();
        });
    };
    draw(600.0f);
    draw(600.0f);
    const ui::LocatedItem* user = ui::findItem(items, "User tunnel");
    const ui::LocatedItem* device = ui::findItem(items, "Device tunnel");
    REQUIRE((user && device));
    CHECK(device->minY == user->minY); // wide: one line
    draw(200.0f);
    draw(200.0f);
    user = ui::findItem(items, "User tunnel");
    device = ui::findItem(items, "Device tunnel");
    REQUIRE((user && device));
    CHECK(device->minY >= user->maxY); // narrow: the second radio on the next line
    const ui::LocatedItem* name = ui::findItem(items, "Name");
    REQUIRE(name != nullptr);
    CHECK(width(*name) >= 180.0f); // the label went above: the field has the whole width
    ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
}

TEST_CASE("800x600: the wheel scrolls the routes list, then the form once the list is at its end") {
    test::UiDriver ui(kSmall);
    azure(ui);
    for (int i = 0; i < 40; ++i) {
        Route r;
        r.address = "10.1.0." + std::to_string(i);
        r.prefixSize = 32u;
        ui.state.doc.profile.routes.push_back(r);
    }
    ui::markEdited(ui.state, {});
    ui.frames(2);
    const ui::LocatedItem* row = scrollFormTo(ui, "route-address");
    REQUIRE(row != nullptr);
    ImGuiWindow* list = ImGui::FindWindowByID(row->window);
    ImGuiWindow* form = childNamed("/Form");
    REQUIRE((list && form));
    // Its parent is the form, or a child around the table that scrolls it sideways only.
    REQUIRE((list->ParentWindow == form || list->ParentWindow->ParentWindow == form));
    CHECK(list->ParentWindow->ScrollMax.y == 0.0f);
    // Bring the list into view, then put the mouse over it.
    ui.frameWith(
        [&] { ImGui::SetScrollY(form, list->Pos.y - form->Pos.y + form->Scroll.y - 40.0f); });
    ui.frames(2);
    ImGui::GetIO().AddMousePosEvent(list->Pos.x + 30.0f, list->Pos.y + 30.0f);
    ui.frames(2);
    const float formAt = form->Scroll.y;
    REQUIRE(list->ScrollMax.y > 0.0f);

    ImGui::GetIO().AddMouseWheelEvent(0.0f, -1.0f);
    ui.frames(2);
    CHECK(list->Scroll.y > 0.0f); // the list first
    CHECK(form->Scroll.y == formAt);
    for (int k = 0; k < 40 && list->Scroll.y < list->ScrollMax.y; ++k) {
        ImGui::GetIO().AddMouseWheelEvent(0.0f, -1.0f);
        ui.frames(2);
    }
    CHECK(list->Scroll.y == list->ScrollMax.y);
    CHECK(form->Scroll.y == formAt); // the notch that reached the end stays with the list
    ImGui::GetIO().AddMouseWheelEvent(0.0f, -1.0f);
    ui.frames(2);
    CHECK(form->Scroll.y > formAt); // at its end, the wheel scrolls the form
}

TEST_CASE("at 800x600 the action bar's texts stay in the window: a long one is cut, the rest "
          "moves to the next line") {
    test::UiDriver ui(kSmall);
    azure(ui);
    ui.state.view.status =
        "The connect test is unavailable: " + std::string(300, 'x') + " TAILMARK";
    const std::string shown = ui.shownText();
    CHECK(shown.find("Target: ") != std::string::npos);
    CHECK(shown.find("The connect test is unavailable: xxx") != std::string::npos);
    CHECK(shown.find("...") != std::string::npos);
    CHECK(shown.find("TAILMARK") == std::string::npos); // cut, not drawn past the edge
    // A text that fits on the next line is not cut.
    ui.state.view.status = "Saved to a folder that is read-only. TAILMARK";
    CHECK(ui.shownText().find("read-only. TAILMARK") != std::string::npos);
}

TEST_CASE("800x600: a text the action bar moves to the next line takes no '|' with it") {
    test::UiDriver ui(kSmall);
    azure(ui);
    ui.state.view.status = "Saved to a folder that is read-only, so nothing was written. TAILMARK";
    const std::string shown = ui.shownText();
    REQUIRE(shown.find("TAILMARK") != std::string::npos);
    // The bar: one line with "Target:", the status on a line of its own after it.
    const std::size_t target = shown.find("Target: ");
    REQUIRE(target != std::string::npos);
    const std::size_t lineEnd = shown.find('\n', target);
    const std::size_t status = shown.find("Saved to a folder");
    REQUIRE(status > lineEnd); // it did move to the next line
    std::string targetLine = shown.substr(target, lineEnd - target);
    while (!targetLine.empty() && targetLine.back() == ' ')
        targetLine.pop_back();
    CHECK(targetLine.back() != '|');
    const std::size_t lineStart = shown.rfind('\n', status) + 1;
    CHECK(shown.substr(lineStart, status - lineStart).find('|') == std::string::npos);
}
