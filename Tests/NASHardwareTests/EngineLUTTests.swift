import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// Latency tables on the real engine: the toy space's eight networks, measured whole, against
/// the plain sum (which pays the call overhead five times) and the corrections.
///
/// Every measurement is its fastest call (`FastestCallDevice`): the suite runs beside the others,
/// and with the median call the load of a two-core CI machine once made method 1's total error
/// (29 µs over eight networks) exceed the plain sum's bias (17 µs).
@Suite(.serialized) struct EngineLUTTests {
    @Test("on the engine, both corrections predict the eight held-out networks closer than the plain sum")
    func correctionBeatsPlainSum() throws {
        let space = ToyBlockSpace()
        let device = FastestCallDevice(base: try EngineDevice(threads: 1))
        let input = TensorShape(channels: 2, height: 16, width: 16)
        let settings = MeasurementSettings(warmup: 5, repeats: 31)
        let lut = try LatencyLUT.profile(space: space, device: device, input: input, settings: settings)
        let one = try LUTCorrection.correct(lut, space: space, device: device, method: .single(reference: "a"), settings: settings)
        let two = try LUTCorrection.correct(lut, space: space, device: device, method: .averaged, settings: settings)
        var errors = [0.0, 0.0, 0.0]
        for text in LUTCorrectionTests.all {
            let a = try space.parse(text)
            let m = try device.measure(try space.network(a, input: input, classes: space.defaultClasses), batch: 1,
                                       settings: settings, cancel: CancellationToken())
            for (i, p) in [LUTPredictor(lut) as any LatencyPredictor, one, two].enumerated() {
                errors[i] += abs(try p.predict(a, in: space) - m.median)
            }
        }
        #expect(errors[1] < errors[0], "method 1 \(errors[1]) vs plain \(errors[0])")
        #expect(errors[2] < errors[0], "method 2 \(errors[2]) vs plain \(errors[0])")
    }
}
