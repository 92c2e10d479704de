import Foundation
import NASStore
import Testing

/// Store locations as users type them, and what may be shown of them.
@Suite("Store location")
struct StoreLocationTests {
    @Test("postgres URLs give their parts; the description hides the password", arguments: [
        ("postgres://ann:pa%40ss@db.example.org:6543/runs?sslmode=require",
         "postgres://ann:***@db.example.org:6543/runs?sslmode=require", "ann", "pa@ss", "db.example.org", 6543, "runs"),
        ("postgresql://bob@localhost/naslab", "postgres://bob@localhost/naslab", "bob", nil, "localhost", nil, "naslab"),
        ("postgres:///lab?host=/var/run/postgresql", "postgres:///lab?host=/var/run/postgresql", nil, nil,
         "/var/run/postgresql", nil, "lab"),
        ("POSTGRES://c:x@[::1]:5/d", "postgres://c:***@[::1]:5/d", "c", "x", "::1", 5, "d"),
    ] as [(String, String, String?, String?, String?, Int?, String?)])
    func postgres(text: String, shown: String, user: String?, password: String?, host: String?, port: Int?, database: String?) throws {
        guard case .postgres(let settings) = try StoreLocation.parse(text) else {
            Issue.record("\(text) is not a PostgreSQL location")
            return
        }
        #expect(settings.user == user && settings.password == password && settings.host == host)
        #expect(settings.port == port && settings.database == database)
        #expect(settings.description == shown)
        #expect("\(StoreLocation.postgres(settings))" == shown)
    }

    @Test("sqlite: paths and plain paths are SQLite files")
    func sqlite() throws {
        #expect(try StoreLocation.parse("sqlite:results/store.sqlite") == .sqlite(path: "results/store.sqlite"))
        #expect(try StoreLocation.parse("sqlite:///tmp/a.sqlite") == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try StoreLocation.parse(" /tmp/b.sqlite ") == .sqlite(path: "/tmp/b.sqlite"))
    }

    @Test("unknown kinds, settings and empty locations are errors that say what is understood, without the password")
    func errors() {
        for (text, words) in [("mysql://u:hunter22@h/db", "unknown store kind 'mysql'"), ("", "empty"), ("sqlite:", "file path"),
                              ("postgres://u:hunter22@h/db?password=hunter22", "unknown PostgreSQL URL setting 'password'"),
                              ("postgres://u:hunter22@h/db?port=x", "port 'x'")] {
            do {
                _ = try StoreLocation.parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect("\(error)".contains(words), "\(error)")
                #expect(!"\(error)".contains("hunter22"), "\(error)")
            }
        }
    }

    @Test("redaction removes every URL password from a text and leaves the rest")
    func redaction() {
        let text = "a = store(\"postgres://u:p4ss@h/db\")\nb = \"postgresql://v:w@x:1/y\" and https://site.org/a:b@c"
        #expect(PostgresSettings.redacted(text)
                == "a = store(\"postgres://u:***@h/db\")\nb = \"postgresql://v:***@x:1/y\" and https://site.org/a:b@c")
        #expect(PostgresSettings.redacted("postgres://u@h/db") == "postgres://u@h/db")
    }
}
