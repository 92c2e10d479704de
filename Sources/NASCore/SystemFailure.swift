/// An error that means naslab could not do its own work, not that the user's script is wrong.
///
/// Examples: the workspace folder cannot be created, or its store is not a database. Front ends
/// report such errors like any other, but a script ends with exit status 70 (EX_SOFTWARE)
/// instead of 65, so CI can tell a broken environment from a broken script.
public protocol SystemFailure: Error, CustomStringConvertible {}
