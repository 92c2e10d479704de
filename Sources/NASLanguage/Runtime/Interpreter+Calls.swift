import NASCore

extension Interpreter {
    /// Evaluates a call expression; `prepending` is the left side of `x | f(…)`.
    func call(_ callee: Expr, _ arguments: [Argument], prepending: Value?, range: SourceRange, in env: Environment) throws -> Value {
        let function = try evaluate(callee, in: env)
        var positional: [Value] = prepending.map { [$0] } ?? []
        var positionalRanges: [SourceRange] = prepending == nil ? [] : [callee.range]
        var keywords: [(String, Value)] = []
        var keywordRanges: [String: SourceRange] = [:]
        for argument in arguments {
            let value = try evaluate(argument.value, in: env)
            if let label = argument.label {
                keywords.append((label, value))
                keywordRanges[label] = argument.labelRange ?? argument.value.range
            } else {
                positional.append(value)
                positionalRanges.append(argument.value.range)
            }
        }
        let site = CallSite(range: range, positionalRanges: positionalRanges, keywordRanges: keywordRanges)
        return try invoke(function, positional, keywords, site: site)
    }

    /// Calls a function value with positional arguments (for builtins such as `map`).
    public func invoke(_ function: Value, _ arguments: [Value]) throws -> Value {
        try invoke(function, arguments, [], site: CallSite(range: currentCallRange, positionalRanges: [], keywordRanges: [:]))
    }

    func invoke(_ function: Value, _ positional: [Value], _ keywords: [(String, Value)], site: CallSite) throws -> Value {
        try tick(site.range)
        switch function {
        case .function(.builtin(let builtin)):
            return try callBuiltin(builtin, positional, keywords, site: site)
        case .function(.user(let f)):
            return try callUser(f, positional, keywords, site: site)
        default:
            throw RuntimeError("\(function.kindDescription) is not a function and cannot be called", at: site.range)
        }
    }

    private func callBuiltin(_ builtin: Builtin, _ positional: [Value], _ keywords: [(String, Value)], site: CallSite) throws -> Value {
        let positionalNames = builtin.parameters.filter { !$0.keywordOnly }.map(\.name)
        let outerRange = currentCallRange
        currentCallRange = site.range
        defer { currentCallRange = outerRange }
        do {
            let bound = try registry.bind(builtin, positional: positional, keywords: keywords)
            let call = BuiltinCall(builtin: builtin, arguments: bound.arguments, rest: bound.rest, given: bound.given, interpreter: self)
            return try builtin.body(call)
        } catch let error as BuiltinError {
            throw RuntimeError(error.message, at: site.range(of: error.argument, positionalNames: positionalNames),
                               kind: error.isInputMissing ? .inputMissing : .error)
        } catch let error as RuntimeError {
            throw error
        } catch is CancellationError {
            throw RuntimeError("interrupted", at: site.range, kind: .interrupted)
        } catch let error as SystemFailure {
            throw RuntimeError(error.description, at: site.range, kind: .system)
        } catch let error as any InputFileFailure where error.isUnreadableFile {
            throw RuntimeError(describeError(error), at: site.range, kind: .inputMissing)
        } catch {
            throw RuntimeError(describeError(error), at: site.range)
        }
    }

    private func callUser(_ f: UserFunction, _ positional: [Value], _ keywords: [(String, Value)], site: CallSite) throws -> Value {
        guard callDepth < maxCallDepth else {
            throw RuntimeError("too many nested calls (more than \(maxCallDepth)); is the recursion missing a base case?", at: site.range)
        }
        let scope = try bindParameters(f, positional, keywords, site: site)
        callDepth += 1
        defer { callDepth -= 1 }
        return try inSource(of: f) { try runBody(f, in: scope) }
    }

    private func runBody(_ f: UserFunction, in scope: Environment) throws -> Value {
        var last: Value = .none
        for statement in f.decl.body {
            switch try execute(statement, in: scope) {
            case .normal(let value):
                last = (statement.suppressed ? nil : value) ?? .none
            case .returned(let value):
                return value
            case .broke(let range):
                throw RuntimeError("'break' outside a loop", at: range)
            case .continued(let range):
                throw RuntimeError("'continue' outside a loop", at: range)
            }
        }
        return last
    }

    /// Runs `work` (part of `f`'s definition), marking its errors as located in `f`'s source, which
    /// may be an earlier cell or statement than the one now running.
    private func inSource<T>(of f: UserFunction, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch var error as RuntimeError {
            if error.origin == nil { error.origin = f.origin }
            throw error
        }
    }

    private func bindParameters(_ f: UserFunction, _ positional: [Value], _ keywords: [(String, Value)], site: CallSite) throws -> Environment {
        let decl = f.decl
        let display = decl.name.isEmpty ? "this function" : "\(decl.name)()"
        guard positional.count <= decl.parameters.count else {
            throw RuntimeError("\(display) takes \(decl.parameters.count) argument\(decl.parameters.count == 1 ? "" : "s"), got \(positional.count)", at: site.range)
        }
        let scope = Environment(parent: f.closure)
        var given = Set<String>()
        for (parameter, value) in zip(decl.parameters, positional) {
            scope.define(parameter.name, value)
            given.insert(parameter.name)
        }
        let names = decl.parameters.map(\.name)
        for (label, value) in keywords {
            guard names.contains(label) else {
                throw RuntimeError("\(display) has no parameter '\(label)'\(Spelling.didYouMean(label, among: names)) (parameters: \(names.joined(separator: ", ")))",
                                   at: site.keywordRanges[label] ?? site.range)
            }
            guard !given.contains(label) else {
                throw RuntimeError("argument '\(label)' of \(display) is given twice", at: site.keywordRanges[label] ?? site.range)
            }
            scope.define(label, value)
            given.insert(label)
        }
        for parameter in decl.parameters where !given.contains(parameter.name) {
            guard let fallback = parameter.defaultValue else {
                throw RuntimeError("\(display) needs the argument '\(parameter.name)'", at: site.range)
            }
            scope.define(parameter.name, try inSource(of: f) { try evaluate(fallback, in: scope) })
        }
        return scope
    }
}

/// Where a call's pieces are, so errors can point at the argument at fault.
struct CallSite {
    var range: SourceRange
    var positionalRanges: [SourceRange]
    var keywordRanges: [String: SourceRange]

    func range(of argument: String?, positionalNames: [String]) -> SourceRange {
        guard let argument else { return range }
        if let r = keywordRanges[argument] { return r }
        if let i = positionalNames.firstIndex(of: argument), i < positionalRanges.count { return positionalRanges[i] }
        return range
    }
}
