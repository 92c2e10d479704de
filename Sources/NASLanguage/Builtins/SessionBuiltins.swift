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
        register(Builtin("store", category: "session", summary: "the session's store; with a URL, choose it before the first run",
                         help: "Returns where the session keeps its runs: the workspace's SQLite file unless --store, NASLAB_STORE or store(url) chose another. store(\"postgres://user@host/db\") puts the whole store in PostgreSQL (the password comes from the URL, PGPASSWORD or ~/.pgpass, and is never shown); store(\"sqlite:path\") or a path picks another SQLite file. A store can be chosen only before the session's first run or query, so that one session's runs stay in one store.",
                         parameters: [Parameter("url", .string, default: Value.none, help: "postgres://user@host[:port]/db, sqlite:path or a file path")],
                         example: "store(\"postgres://naslab@localhost/naslab\")") { call in
            if !call.isNone("url") {
                do { try call.session.useStore(url: try call.string("url")) } catch {
                    throw BuiltinError("\(error)", argument: "url")
                }
            }
            return .string(call.session.storeLocation.description)
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
