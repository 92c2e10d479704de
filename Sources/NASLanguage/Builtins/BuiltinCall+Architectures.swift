import NASCore
import NASEngine
import NASSpaces

/// Reading a collection of architectures: a list of architectures or runs, or a table (or list of
/// records) with an `arch` column, such as `simulate(…)`, `trials(r)`, `bench_table(…)` or `zero_cost()`.
extension BuiltinCall {
    /// The architectures of argument `name` and their space. Text (a table's `arch` column, a run's best
    /// trial) is read in the space given as `spaceArgument`, or else in the space of the list's architectures.
    func architectures(_ name: String, spaceArgument: String = "space") throws -> (space: any SearchSpace, architectures: [Architecture]) {
        let given = isNone(spaceArgument) ? nil : try space(spaceArgument)
        switch self[name] {
        case .table:
            return try architectures(inTable: try table(name), name, space: given, spaceArgument)
        case .list(let items) where items.contains(where: { if case .record = $0 { true } else { false } }):
            return try architectures(inTable: try table(name), name, space: given, spaceArgument)
        case .list(let items):
            return try architectures(inList: items, name, space: given, spaceArgument)
        default:
            throw BuiltinError("\(name) must be a list of architectures (such as sample(space, n: 100)) or runs, or a table with an "
                + "arch column, got \(self[name].kindDescription)", argument: name)
        }
    }

    private func architectures(inList items: [Value], _ name: String, space given: (any SearchSpace)?,
                               _ spaceArgument: String) throws -> (space: any SearchSpace, architectures: [Architecture]) {
        let firstSpace = items.lazy.compactMap { item -> (any SearchSpace)? in
            if case .object(let a as ArchitectureValue) = item { return a.space } else { return nil }
        }.first
        let space = given ?? firstSpace
        var result: [Architecture] = []
        for (i, item) in items.enumerated() {
            switch item {
            case .object(let a as ArchitectureValue):
                guard a.space.name == space?.name else {
                    throw BuiltinError("\(name) mixes spaces: item \(i + 1) is a \(a.space.name) architecture, not \(space?.name ?? "")", argument: name)
                }
                result.append(a.architecture)
            case .object(let run as RunValue):
                guard let space else {
                    throw BuiltinError("give \(spaceArgument): (the runs' space) to read the best architecture of each run", argument: name)
                }
                result.append(try bestArchitecture(of: run, in: space, name))
            default:
                throw BuiltinError("\(name) must hold architectures or runs, but item \(i + 1) is \(item.kindDescription)", argument: name)
            }
        }
        guard let space else { throw BuiltinError("\(name) is empty: give at least one architecture", argument: name) }
        return (space, result)
    }

    private func architectures(inTable table: Table, _ name: String, space: (any SearchSpace)?,
                               _ spaceArgument: String) throws -> (space: any SearchSpace, architectures: [Architecture]) {
        guard let column = table.columnIndex("arch") else {
            throw BuiltinError("\(name) has no arch column (columns: \(table.columns.joined(separator: ", ")))", argument: name)
        }
        guard let space else {
            throw BuiltinError("give \(spaceArgument): (such as nb201()) to read the arch column of \(name)", argument: name)
        }
        let architectures = try table.rows.enumerated().map { i, row in
            guard let text = row[column].stringValue else {
                throw BuiltinError("row \(i + 1) of \(name) has no architecture in its arch column", argument: name)
            }
            return try blaming(name) { try SpaceCatalogue.parse(text, in: space) }
        }
        return (space, architectures)
    }

    /// The architecture of a run's best finished trial (by its objective), read in `space`.
    private func bestArchitecture(of run: RunValue, in space: any SearchSpace, _ name: String) throws -> Architecture {
        guard case .record(let best) = try run.best(by: nil, maximise: nil), case .string(let text)? = best["arch"] else {
            throw BuiltinError("run \(run.id) has no finished trial to take its best architecture from", argument: name)
        }
        return try blaming(name) { try SpaceCatalogue.parse(text, in: space) }
    }
}
