#pragma once
// What the repeated-element editors (servers, routes, traffic filters, NRPT rules, protocol
// list, EKU and hash lists) share. Internal to ui/.
//
// RowList: a row's ImGui id is a hash of a stable per-element key under ONE seed taken outside
// any table, so no two rows of a list can share an id (under a fixed seed, a 4-byte key hashes
// one-to-one) and a row keeps its id when rows above it come or go, or when the table around it
// is split. (Issue 8 §1: parts of one table shared its id, ImGui gave part n the id `id + n`, and
// PushID(index) inside a part then collided with the neighbour row: CRC32 is linear.)
//
// drawRowTable: a table whose rows may need a full-width area under them (messages, details).
// ImGui tables have no column span, so the table is drawn in parts, split after each such row;
// every part has an id of its own, and the columns line up because every part has the same
// columns over the same width.
#include "ui/state.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace aovpn::ui {

class RowList {
  public:
    // `list` names the editor ("filters", "routes"...); `count` is its number of elements now.
    // Call where the list's id scope should be (outside any table).
    RowList(AppState& state, std::string_view list, std::size_t count);

    std::size_t size() const { return keys_.keys.size(); }
    std::uint32_t key(std::size_t i) const { return keys_.keys[i]; }
    ImGuiID id(std::size_t i) const;
    // Makes row i's id the current id scope; pair with ImGui::PopID().
    void push(std::size_t i) const;

    bool isOpen(std::size_t i) const;
    void setOpen(std::size_t i, bool open);
    void toggleOpen(std::size_t i);

    // The form's own structural edits, made in the profile already: keys follow their elements.
    // (Appends need no call: the next RowList gives the new element a fresh key.)
    void erased(std::size_t i);
    void swapped(std::size_t a, std::size_t b);

  private:
    RowKeys& keys_;
    ImGuiID seed_;
};

// A table column: stretched by `weight` (> 0), or else `width` px wide.
struct Column {
    const char* name;
    float weight = 0;
    float width = 0;
    float minFonts = 0; // at least this many font sizes wide (its hint, a combo's "(not set)")
};
// Each stretched column gets its share of `avail` by weight, but never less than its header's
// width or minFonts (the others share the rest); fixed ones get their width. `table` is the sum:
// more than `avail` where the pane is too narrow, and then the table scrolls sideways (beginWide).
struct ColumnLayout {
    std::vector<float> widths;
    float table = 0;
};
ColumnLayout layoutColumns(std::span<const Column> columns, float avail);
// TableSetupColumn for each of `columns` at its width, in a table just begun.
void setupColumns(std::span<const Column> columns, const ColumnLayout& layout);
// Around a table of `width`: where it is wider than the pane, a child that scrolls sideways
// (its height follows the table). Pair with endWide(what beginWide returned).
bool beginWide(const char* id, float width);
void endWide(bool wide);

struct RowTable {
    const char* id; // the first part's table id; later parts add their first row's key
    int columns;
    float width = 0;                      // the tables' width (ColumnLayout::table), 0: the pane's
    std::function<void()> setupColumns;   // TableSetupColumn calls, the same for every part
    std::function<void(std::size_t)> row; // one row's cells (the row is begun for it)
    std::function<bool(std::size_t)> hasArea; // true: row i needs the area under it
    std::function<void(std::size_t)> area;    // that area, full width, in row i's id scope
};

// Draws every row of `rows` (and the areas under them) in row i's id scope each.
void drawRowTable(const RowList& rows, const RowTable& table);

// A table whose rows scroll under a header that stays, once they are taller than `maxHeight`
// (else a plain table). ImGuiTableFlags_ScrollY would give the rows a child window with a focus
// scope of its own, which Tab never enters (ImGui 1.90); here the header is a table of its own
// and the rows a table in a NavFlattened child, with the same columns over the same width.
// End with endScrollTable() when it returned true.
// `width` as RowTable's. The rows' child hands the wheel on to the form at its ends.
bool beginScrollTable(const char* id, int columns, const std::function<void()>& setupColumns,
                      float rowsHeight, float maxHeight, float width = 0.0f);
void endScrollTable();

enum class RowAction { None, Remove, ToggleDetails };
// A row's last cell: the details toggle ("+" / "-", in the check-mark colour while closed
// details hold values, so nothing hides unseen; `tip` as its tooltip) and the remove "x".
// Their labels are "<name>-details" and "remove-<name>" after the "##".
RowAction detailsAndRemove(const char* name, bool open, bool held, const std::string& tip);
float detailsAndRemoveWidth(); // for that column
// The messages at `field` for a row's area, full width, each after "label: " unless "".
void areaMessages(const AppState& state, const std::string& field, const char* label);

} // namespace aovpn::ui

namespace aovpn::ui {

// A list of one-line values (issuer hashes, trusted root thumbprints): one field per value with
// an "x", then an Add button, all in the form's widget column.
struct ValueList {
    const char* list;     // the RowList name
    const char* label;    // the label of the first row, and of every value's field ("##label")
    const char* hint;     // shown in an empty field
    const char* addLabel; // the Add button
    std::string field;    // validation path of the list; row i's messages are at field[i]
    std::function<std::string(const std::string&)> note; // words after a value (may be empty)
    // More ways to add, as buttons after the Add button (may be empty): on its line, so that
    // a value they add moves them down with it, and the pointer lands on that value's row,
    // never on another button.
    std::function<void()> moreButtons;
};

// Returns true when `values` changed; `editKey` gets the key that coalesces typing into a field.
bool drawValueList(AppState& state, const ValueList& spec, std::vector<std::string>& values,
                   std::string& editKey);

} // namespace aovpn::ui
