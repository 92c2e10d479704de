import NASCore
import NASEngine

/// Builtins about the session itself: its workspace and its jobs.
extension BuiltinRegistry {
    /// Registers the session builtins.
    func registerSessionBuiltins() {
        register(Builtin("workspace", category: "session", summary: "the path of the session's .naslab folder",
                         help: "Returns the path of the folder where this session keeps its files (its store, notebooks and tutorial progress), creating it if it does not exist yet, so that files can be written into it; choose it with --workspace.") { call in
            .string(try call.session.ensureWorkspace().path)
        })
        register(Builtin("jobs", category: "session", summary: "a table of the session's jobs",
                         help: "Returns one row per job started in this session: id, name, status (running, succeeded, failed, cancelled), and the last progress reported (done of total).") { call in
            let rows: [[Cell]] = call.session.jobs.jobs.map { job in
                let progress = job.progress
                return [.number(Quantity(Double(job.id))), .string(job.name), .string(job.status.word),
                        .number(Quantity(Double(progress?.done ?? 0))),
                        progress?.total.map { .number(Quantity(Double($0))) } ?? .null]
            }
            return .table(Table(columns: ["id", "name", "status", "done", "total"], rows: rows))
        })
    }
}
