/// How a statement ended: normally (with the value of an expression statement) or by a jump.
enum Flow {
    case normal(Value?)
    case returned(Value)
    case broke(SourceRange)
    case continued(SourceRange)
}
