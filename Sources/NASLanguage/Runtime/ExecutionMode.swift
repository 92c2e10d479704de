/// How `Interpreter.execute` treats the values of expression statements.
public enum ExecutionMode: Sendable {
    /// A headless script: every top-level expression statement's value is printed (like
    /// Rscript's autoprint) unless the statement ends with `;` or the value is `none`.
    case script
    /// A REPL cell: nothing is autoprinted; the value of the last statement, if it is an
    /// expression without `;`, is returned in `ExecutionResult.value` for `Out[n]:`.
    case cell
}
