//! Everything written to stderr: the progress bar and the closing summary. stdout is
//! left for data.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over packs, hidden when there is no terminal or with `--quiet`.
pub fn progress_bar(total: u64, visible: bool) -> ProgressBar {
    let target = if visible {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(total), target);
    let style = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} packs  {per_sec}  ETA {eta}  {wide_msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar
}

/// The one-line summary printed when a run ends.
pub fn summary(ok: usize, failed: usize, skipped: usize, index: &std::path::Path) -> String {
    format!(
        "councilpack: {ok} ok, {failed} failed, {skipped} skipped — see {}",
        index.display()
    )
}
