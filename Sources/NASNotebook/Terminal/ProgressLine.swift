import Foundation
import NASEngine

/// The one-line progress bar drawn for a running job:
/// `name [#########...........]  45% 9/20 (ETA 1m05s) best accuracy 93.1%`.
public enum ProgressLine {
    /// The number of cells in the bar.
    public static let barCells = 20

    /// The line for `event`, cut to `width` columns; jobs with no known total show their count.
    ///
    /// With `elapsed`, the time since the job's first event, a job part-way done shows its ETA
    /// after its count; then comes the job's message (a run's says its best score so far), which
    /// a narrow terminal cuts first.
    public static func text(for event: ProgressEvent, width: Int, elapsed: Duration? = nil) -> String {
        var text = event.job + " "
        if let fraction = event.fraction, let total = event.total {
            let filled = Int((fraction * Double(barCells)).rounded(.down))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barCells - filled) + "] "
            text += String(format: "%3d%% %d/%d", Int((fraction * 100).rounded(.down)), event.done, total)
        } else {
            text += "\(event.done) done"
        }
        if let elapsed, let remaining = remaining(event, elapsed: elapsed) { text += " (ETA " + duration(remaining) + ")" }
        if !event.message.isEmpty { text += " " + event.message }
        return String(text.prefix(max(0, width)))
    }

    /// The time left if the job keeps its pace so far: elapsed × (1 − f) / f for the finished
    /// fraction f; nil before any work is done, once all is done, or before a second has passed.
    public static func remaining(_ event: ProgressEvent, elapsed: Duration) -> Duration? {
        guard let fraction = event.fraction, fraction > 0, fraction < 1, elapsed >= .seconds(1) else { return nil }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return .milliseconds(Int64((seconds * (1 - fraction) / fraction * 1000).rounded()))
    }

    /// A duration as an ETA reads: `42s`, `3m05s`, `2h07m` (rounded up to the unit shown).
    public static func duration(_ duration: Duration) -> String {
        let total = Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18).rounded(.up))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        let minutes = (total + 59) / 60
        return String(format: "%dh%02dm", minutes / 60, minutes % 60)
    }
}
