import Foundation
import NASEngine

/// The one-line progress bar drawn for a running job: `name [#####.....]  45% 9/20 message`.
public enum ProgressLine {
    /// The number of cells in the bar.
    public static let barCells = 20

    /// The line for `event`, cut to `width` columns; jobs with no known total show their count.
    public static func text(for event: ProgressEvent, width: Int) -> String {
        var text = event.job + " "
        if let fraction = event.fraction, let total = event.total {
            let filled = Int((fraction * Double(barCells)).rounded(.down))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barCells - filled) + "] "
            text += String(format: "%3d%% %d/%d", Int((fraction * 100).rounded(.down)), event.done, total)
        } else {
            text += "\(event.done) done"
        }
        if !event.message.isEmpty { text += " " + event.message }
        return String(text.prefix(max(0, width)))
    }
}
