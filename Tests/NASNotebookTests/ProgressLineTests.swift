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

@Suite struct ProgressLineETATests {
    @Test("the ETA keeps the pace so far: 5 of 20 done in 10 s leaves 30 s")
    func etaFromPace() {
        let event = ProgressEvent(jobID: 1, job: "run 1 (random)", done: 5, total: 20, message: "best accuracy 91.2%")
        #expect(ProgressLine.text(for: event, width: 100, elapsed: .seconds(10))
                == "run 1 (random) [#####...............]  25% 5/20 (ETA 30s) best accuracy 91.2%")
    }

    @Test("no ETA before a second has passed, before any work is done, or once all is done")
    func noETAWithoutPace() {
        let started = ProgressEvent(jobID: 1, job: "j", done: 0, total: 10)
        let finished = ProgressEvent(jobID: 1, job: "j", done: 10, total: 10)
        let early = ProgressEvent(jobID: 1, job: "j", done: 5, total: 10)
        #expect(ProgressLine.remaining(started, elapsed: .seconds(5)) == nil)
        #expect(ProgressLine.remaining(finished, elapsed: .seconds(5)) == nil)
        #expect(ProgressLine.remaining(early, elapsed: .milliseconds(500)) == nil)
        #expect(ProgressLine.remaining(early, elapsed: .seconds(4)) == .seconds(4))
    }

    @Test("durations read as seconds, minutes and seconds, or hours and minutes")
    func durations() {
        #expect(ProgressLine.duration(.milliseconds(41_200)) == "42s")
        #expect(ProgressLine.duration(.seconds(65)) == "1m05s")
        #expect(ProgressLine.duration(.seconds(7230)) == "2h01m")
    }
}
