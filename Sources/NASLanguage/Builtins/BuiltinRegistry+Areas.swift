/// The list of areas whose builtins the standard registry holds.
extension BuiltinRegistry {
    /// Registers every area; each helper adds one line for its `<Area>Builtins.swift`.
    func registerAllAreas() {
        registerLanguageTopics()
        registerCoreBuiltins()
        registerSessionBuiltins()
        registerSpaceBuiltins()
        registerBenchmarkBuiltins()
        registerTrainingBuiltins()
        registerMorphismBuiltins()
        registerStrategyBuiltins()
        registerRunBuiltins()
        registerOneShotBuiltins()
        registerProfilingBuiltins()
        registerStoreBuiltins()
        registerAnalysisBuiltins()
        registerHardwareBuiltins()
        registerPredictorBuiltins()
        registerPlotBuiltins()
        registerExportBuiltins()
    }
}
