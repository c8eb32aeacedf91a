#include "ui/pane_layout.hpp"

#include "ui/state.hpp"

#include <algorithm>
#include <cmath>

namespace aovpn::ui {

PaneMinimums paneMinimums(float fontPx) {
    PaneMinimums m;
    m.form = 30.0f * fontPx; // label column (9.5) + a 12-wide field + padding and scrollbar
    m.preview = 14.0f * fontPx;
    m.top = 12.0f * fontPx;
    m.log = 5.0f * fontPx;
    return m;
}

SplitWidths splitWidths(float total, float fraction, const PaneMinimums& m) {
    SplitWidths w;
    total = std::max(total, 0.0f);
    if (total <= m.form + m.preview) {
        w.form = std::min(m.form, total);
    } else {
        w.form = std::clamp(std::round(total * fraction), m.form, total - m.preview);
    }
    w.preview = total - w.form;
    return w;
}

float fractionFor(float total, float formWidth, const PaneMinimums& m) {
    if (total <= 0.0f) return kDefaultFormFraction;
    return splitWidths(total, formWidth / total, m).form / total;
}

float logHeightFor(float total, float wanted, const PaneMinimums& m) {
    const float most = std::max(m.log, total - m.top);
    return std::clamp(wanted, m.log, most);
}

float savedFormFraction(float value) {
    return std::isfinite(value) && value >= 0.05f && value <= 0.95f ? value : kDefaultFormFraction;
}

float savedLogHeight(float value) {
    return std::isfinite(value) && value >= 20.0f && value <= 4000.0f ? value : kDefaultLogHeight;
}

void restoreLayout(ViewState& view, const Settings& settings) {
    view.formFraction = savedFormFraction(settings.formFraction);
    view.logHeight = savedLogHeight(settings.logHeight);
}

void keepLayout(const ViewState& view, Settings& settings) {
    settings.formFraction = view.formFraction;
    settings.logHeight = view.logHeight;
}

} // namespace aovpn::ui
