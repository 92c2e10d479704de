import Testing

/// The suites that use the shared PostgreSQL server run one test at a time: one of them
/// restarts the server, and they share its connection slots.
@Suite(.serialized) struct PostgresSuites {}
