#pragma once
// How the main window shares its space: the form | preview split and the log's height, with
// the minimums that keep each pane usable (in font-size units, so they follow the DPI scale).
// No ImGui here: numbers in, sizes out.

namespace aovpn::ui {

struct PaneMinimums {
    float form = 0;    // the form's width, px: labels, fields of at least 12 font widths
    float preview = 0; // the preview's width, px
    float top = 0;     // the height of form and preview, px
    float log = 0;     // the log's height, px: its header and a few lines
};
// For a font of `fontPx` pixels (already scaled for the DPI).
PaneMinimums paneMinimums(float fontPx);

struct SplitWidths {
    float form = 0, preview = 0;
};
// `total` is the width form and preview share (the bar between them not counted). The form
// takes `fraction` of it, kept within both minimums; when `total` cannot hold both, the form
// keeps its minimum (at most all of `total`) and the preview gets the rest.
SplitWidths splitWidths(float total, float fraction, const PaneMinimums& m);
// The fraction a drag of the bar to a form width of `formWidth` makes, clamped as above.
float fractionFor(float total, float formWidth, const PaneMinimums& m);
// The log's height for `wanted` px, when `total` px are shared by the top panes and the log:
// at least the log's minimum, at most what leaves the top panes theirs.
float logHeightFor(float total, float wanted, const PaneMinimums& m);

// Values read from the settings file, taken when they are sane (else the defaults).
float savedFormFraction(float value);
float savedLogHeight(float value); // unscaled px, as ViewState::logHeight

struct ViewState;
struct Settings;
// The splitters' places: from the settings into the view at start, back when settings are saved.
void restoreLayout(ViewState& view, const Settings& settings);
void keepLayout(const ViewState& view, Settings& settings);

} // namespace aovpn::ui
