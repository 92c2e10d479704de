import NASEngine
import Testing
@testable import NASNotebook

@Suite struct ProgressLineTests {
    @Test func fillsTheBarInProportionToTheWorkDone() {
        let event = ProgressEvent(jobID: 1, job: "train", done: 9, total: 20, message: "epoch 2")
        #expect(ProgressLine.text(for: event, width: 100) == "train [#########...........]  45% 9/20 epoch 2")
    }

    @Test func showsACountWhenTheTotalIsUnknownAndCutsToTheWidth() {
        let event = ProgressEvent(jobID: 1, job: "search", done: 7, total: nil)
        #expect(ProgressLine.text(for: event, width: 100) == "search 7 done")
        #expect(ProgressLine.text(for: event, width: 6) == "search")
    }

    @Test func aFinishedJobHasAFullBar() {
        let event = ProgressEvent(jobID: 1, job: "j", done: 3, total: 3)
        #expect(ProgressLine.text(for: event, width: 100) == "j [####################] 100% 3/3")
    }
}
