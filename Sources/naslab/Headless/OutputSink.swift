import Foundation
import NASLanguage
import NASNotebook

/// Where a headless script's output goes: stdout, and, with `--notebook`, the cell that runs.
final class OutputSink {
    /// Records the notebook of the run, when one is asked for.
    let recorder: ScriptRecorder?
    /// The progress line on the terminal, erased before text is written so text starts its own line.
    let progress: ProgressBar?

    /// A sink that copies what it shows into `recorder`, if given.
    init(recorder: ScriptRecorder?, progress: ProgressBar?) {
        self.recorder = recorder
        self.progress = progress
    }

    /// Writes text the script printed.
    func write(_ text: String) {
        progress?.erase()
        Terminal.writeOut(text)
        recorder?.printed(text)
    }

    /// Writes a value the script autoprints, as `text`, and keeps the value for the notebook.
    func show(_ value: Value, text: String, width: Int) {
        progress?.erase()
        Terminal.writeOut(text + "\n")
        recorder?.shown(value, width: width)
    }
}
