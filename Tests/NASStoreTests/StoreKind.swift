import Foundation
import NASStore
import Testing

/// The stores the contract tests run against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind and how to open it again; nil (skipped, with the reason
    /// printed) when PostgreSQL is not installed and not required.
    func freshStore() throws -> (store: any ExperimentStore, location: StoreLocation)? {
        switch self {
        case .sqlite:
            let store = try StoreFixture.store()
            return (store, .sqlite(path: store.path))
        case .postgres:
            guard let server = try PostgresTestServer.available() else { return nil }
            let location = try StoreLocation.parse(try server.database())
            return (try location.open(), location)
        }
    }
}
