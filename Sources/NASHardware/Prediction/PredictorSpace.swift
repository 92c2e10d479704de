import NASSpaces

/// The space check every fitted predictor makes before predicting.
enum PredictorSpace {
    /// Throws unless `space`, and the architecture, are of the space the predictor was fitted on.
    static func check(_ architecture: Architecture, _ space: any SearchSpace, against fitted: String, predictor: String) throws {
        guard space.name == fitted, architecture.space == fitted else {
            let other = space.name == fitted ? architecture.space : space.name
            throw HardwareError("the predictor \(predictor) was fitted on \(fitted) architectures and cannot predict \(other) ones")
        }
    }
}
