import NASCore

/// Builds the syntax tree from tokens, recovering at statement boundaries so that several
/// errors are reported at once.
public struct Parser {
    /// Thrown to abandon the current statement; the message is already in `diagnostics`.
    struct Abandon: Error {}

    private var tokens: [Token]
    private let kinds: [TokenKind]
    private var current = 0
    private let file: String
    private var depth = 0
    /// Problems found while parsing (the lexer's come first).
    public private(set) var diagnostics: [Diagnostic] = []

    /// The deepest nesting of expressions and blocks the parser accepts.
    public static let maxDepth = 150
    /// The most errors reported for one input.
    public static let maxErrors = 20

    /// Creates a parser over lexed tokens.
    public init(lexer: Lexer, file: String) {
        self.tokens = lexer.tokens
        self.kinds = lexer.tokens.map(\.kind)
        self.file = file
        self.diagnostics = lexer.diagnostics
    }

    /// Parses `source` into statements and diagnostics.
    public static func parse(_ source: String, file: String = "<input>") -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        let lexer = Lexer(source, file: file)
        var parser = Parser(lexer: lexer, file: file)
        let statements = parser.parseProgram()
        // After an unterminated string the rest of the input is inside it: only the lexer's errors are useful.
        if lexer.endsInsideString { return (statements, lexer.diagnostics) }
        return (statements, parser.diagnostics)
    }

    /// Parses the whole input.
    public mutating func parseProgram() -> [Stmt] {
        parseStatements(until: .eof)
    }

    // MARK: - Statements

    private mutating func parseStatements(until end: TokenKind) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if check(end) || check(.eof) || diagnostics.count >= Self.maxErrors { break }
            if end == .eof, check(.rightBrace) {
                fail("unexpected '}' with no '{' to close", at: peek.range, andThrow: false)
                advance()
                continue
            }
            do {
                var statement = try parseStatement()
                statement.suppressed = try parseTerminator(after: statement)
                statements.append(statement)
            } catch {
                synchronize()
            }
        }
        return statements
    }

    private mutating func parseStatement() throws -> Stmt {
        try descend()
        defer { depth -= 1 }
        let start = peek.range
        switch peek.kind {
        case .kwFn where peekAt(1).kind == .identifier:
            let decl = try parseFunction()
            return Stmt(kind: .function(decl), range: decl.range)
        case .kwIf: return try parseIf()
        case .kwFor: return try parseFor()
        case .kwWhile:
            advance()
            let condition = try parseExpression()
            let body = try parseBlock("while")
            return Stmt(kind: .whileLoop(condition, body), range: start.through(previous.range))
        case .kwReturn:
            advance()
            let value = endsStatement ? nil : try parseExpression()
            return Stmt(kind: .returnValue(value), range: start.through(previous.range))
        case .kwBreak: advance(); return Stmt(kind: .breakLoop, range: start)
        case .kwContinue: advance(); return Stmt(kind: .continueLoop, range: start)
        case .kwAssert: return try parseAssert()
        case .question:
            advance()
            return try parseHelpTopic(start: start)
        case .identifier where peek.text == "help" && isHelpCommand:
            advance()
            return try parseHelpTopic(start: start)
        case .identifier where peek.text == "show" && isShowCommand:
            advance()
            let value = try parseExpression()
            return Stmt(kind: .show(value), range: start.through(value.range))
        default:
            let expr = try parseExpression()
            if match(.assign) {
                try checkAssignable(expr)
                skipNewlines()
                let value = try parseExpression()
                return Stmt(kind: .assign(expr, value), range: expr.range.through(value.range))
            }
            return Stmt(kind: .expression(expr), range: expr.range)
        }
    }

    private var isHelpCommand: Bool {
        let next = peekAt(1)
        if next.kind == .identifier || next.kind == .string { return true }
        if TokenKind.keywords[next.text] == next.kind { return true }
        return next.kind == .newline || next.kind == .eof || next.kind == .semicolon
    }

    private var isShowCommand: Bool {
        let next = peekAt(1)
        switch next.kind {
        case .identifier, .number, .string, .leftBracket, .leftBrace, .kwTrue, .kwFalse, .kwNone, .kwNot, .kwFn:
            return !next.startsLine
        default:
            return false
        }
    }

    private mutating func parseHelpTopic(start: SourceRange) throws -> Stmt {
        if endsStatement { return Stmt(kind: .help(nil, nil), range: start) }
        let token = peek
        guard token.kind == .identifier || TokenKind.keywords[token.text] != nil || token.kind == .string else {
            throw fail("help needs a name, such as 'help sleep' or '?where'; found \(token.kind.display)", at: token.range)
        }
        advance()
        return Stmt(kind: .help(token.text, token.range), range: start.through(token.range))
    }

    private mutating func parseTerminator(after statement: Stmt) throws -> Bool {
        if match(.semicolon) { return true }
        if check(.newline) || check(.eof) || check(.rightBrace) { return false }
        throw fail("expected the end of the statement, found \(peek.kind.display)\(hintForJunk())", at: peek.range)
    }

    private func hintForJunk() -> String {
        if peek.kind == .identifier || peek.kind == .number || peek.kind == .string {
            return "; put one statement per line, or separate them with ';'"
        }
        return ""
    }

    private mutating func checkAssignable(_ expr: Expr) throws {
        switch expr.kind {
        case .name: return
        case .member(let base, _, _), .index(let base, _): try checkAssignable(base)
        default:
            throw fail("cannot assign to this expression; the left of '=' must be a name, a field (r.x) or an element (xs[i]) (use '==' to compare)", at: expr.range)
        }
    }

    private mutating func parseFunction() throws -> FunctionDecl {
        let start = advance().range
        var name = ""
        if check(.identifier) { name = advance().text }
        try expect(.leftParen, "after the function's name")
        var parameters: [ParameterDecl] = []
        while !check(.rightParen) {
            let token = try expect(.identifier, "as a parameter name")
            var defaultValue: Expr?
            if match(.colon) || match(.assign) { defaultValue = try parseExpression() }
            if parameters.contains(where: { $0.name == token.text }) {
                fail("parameter '\(token.text)' appears twice", at: token.range, andThrow: false)
            }
            parameters.append(ParameterDecl(name: token.text, defaultValue: defaultValue, range: token.range))
            if !match(.comma) { break }
        }
        try expect(.rightParen, "to close the parameter list")
        let body = try parseBlock("fn")
        return FunctionDecl(name: name, parameters: parameters, body: body, range: start.through(previous.range))
    }

    private mutating func parseIf() throws -> Stmt {
        let start = advance().range
        let condition = try parseExpression()
        let then = try parseBlock("if")
        var otherwise: [Stmt]?
        let save = current
        skipNewlines()
        if match(.kwElse) {
            if check(.kwIf) {
                let nested = try parseIf()
                otherwise = [nested]
            } else {
                otherwise = try parseBlock("else")
            }
        } else {
            current = save
        }
        return Stmt(kind: .ifElse(condition, then, otherwise), range: start.through(previous.range))
    }

    private mutating func parseFor() throws -> Stmt {
        let start = advance().range
        let variable = try expect(.identifier, "after 'for' (as in 'for x in xs { … }')")
        try expect(.kwIn, "after the loop variable (as in 'for x in xs { … }')")
        let iterable = try parseExpression()
        let body = try parseBlock("for")
        return Stmt(kind: .forIn(variable.text, variable.range, iterable, body), range: start.through(previous.range))
    }

    private mutating func parseAssert() throws -> Stmt {
        let start = advance().range
        let condition = try parseExpression()
        var message: Expr?
        if match(.comma) { message = try parseExpression() }
        return Stmt(kind: .assert(condition, message), range: start.through(previous.range))
    }

    private mutating func parseBlock(_ owner: String) throws -> [Stmt] {
        guard check(.leftBrace) else {
            throw fail("expected '{' to start the body of '\(owner)', found \(peek.kind.display) (the '{' goes on the same line)", at: peek.range)
        }
        let open = advance()
        try descend()
        defer { depth -= 1 }
        let body = parseStatements(until: .rightBrace)
        guard match(.rightBrace) else {
            throw fail("missing '}' to close the block that starts here", at: open.range)
        }
        return body
    }

    // MARK: - Expressions

    mutating func parseExpression() throws -> Expr {
        try descend()
        defer { depth -= 1 }
        var left = try parseOr()
        var links = 0
        defer { depth -= links }
        while continuesWithPipe() {
            try descend(); links += 1
            advance()
            let verb = try parseVerb()
            left = Expr(.pipe(left, verb), left.range.through(previous.range))
        }
        return left
    }

    private mutating func continuesWithPipe() -> Bool {
        if check(.pipe) { return true }
        var i = current
        while kinds[i] == .newline { i += 1 }
        guard i > current, kinds[i] == .pipe else { return false }
        current = i
        return true
    }

    private mutating func parseVerb() throws -> Verb {
        skipNewlines()
        guard check(.identifier) else {
            throw fail("expected a verb after '|' (\(VerbKind.names.joined(separator: ", ")) or a function), found \(peek.kind.display)", at: peek.range)
        }
        let name = peek
        // `| pareto(x: …, y: …)` calls the pareto() builtin; `| pareto a max, b min` is the verb.
        // `| plot x: …` is the plot verb; `| plot(…)` and a bare `| plot` call the builtin.
        let isCall = (name.text == "pareto" || name.text == "plot") && peekAt(1).kind == .leftParen
            || name.text == "plot" && !((peekAt(1).kind == .identifier || peekAt(1).kind == .string) && peekAt(2).kind == .colon)
        let verb = VerbKind.names.contains(name.text) && !isCall ? advance().text : ""
        let kind: VerbKind
        switch verb {
        case "where": kind = .filter(try parseOr())
        case "sort": kind = .sort(try parseOrderedColumns("sort", words: ("desc", "asc")).map { ($0.0, descending: $0.1) })
        case "take": kind = .take(try parseOr())
        case "select": kind = .select(try parseColumnRefs("select"))
        case "extend": kind = .extend(try parseFields(for: "extend"))
        case "group": kind = try parseGroup()
        case "summarize": kind = .summarize(groupBy: [], try parseFields(for: "summarize"))
        case "join": kind = try parseJoin()
        case "pareto": kind = try parsePareto(name.range)
        case "plot": kind = .plot(try parseFields(for: "plot", example: "x: trial, y: best"))
        default: kind = try parseVerbCall()
        }
        return Verb(kind: kind, nameRange: name.range)
    }

    /// `col [first|second], …`: columns each followed by an optional direction word.
    private mutating func parseOrderedColumns(_ verb: String, words: (String, String)) throws -> [(ColumnRef, Bool)] {
        var columns: [(ColumnRef, Bool)] = []
        repeat {
            let column = try parseColumnRef(verb)
            var first = false
            if check(.identifier), peek.text == words.0 || peek.text == words.1 { first = advance().text == words.0 }
            columns.append((column, first))
        } while match(.comma)
        return columns
    }

    private mutating func parseGroup() throws -> VerbKind {
        if check(.identifier), peek.text == "by" { advance() }
        let keys = try parseColumnRefs("group by")
        guard check(.identifier), peek.text == "summarize" else {
            throw fail("expected 'summarize' after 'group by \(keys.map(\.name).joined(separator: ", "))' (as in '| group by k summarize n: count()')", at: peek.range)
        }
        advance()
        return .summarize(groupBy: keys, try parseFields(for: "summarize"))
    }

    private mutating func parseJoin() throws -> VerbKind {
        let other = try parseOr()
        var keys: [ColumnRef] = []
        if check(.identifier), peek.text == "on" {
            advance()
            keys = try parseColumnRefs("join … on")
        }
        return .join(other, on: keys)
    }

    private mutating func parsePareto(_ nameRange: SourceRange) throws -> VerbKind {
        let objectives = try parseOrderedColumns("pareto", words: ("max", "min"))
        guard objectives.count == 2 else {
            throw fail("pareto takes two columns, each with max or min (as in '| pareto accuracy max, latency min')", at: nameRange)
        }
        return .pareto(objectives.map { ($0.0, maximize: $0.1) })
    }

    /// `| f(args)` or `| f`: a call with the left side as the first argument.
    private mutating func parseVerbCall() throws -> VerbKind {
        let target = try parsePostfix()
        if case .call(let function, let arguments) = target.kind { return .call(function, arguments) }
        return .call(target, [])
    }

    private mutating func parseColumnRef(_ verb: String) throws -> ColumnRef {
        guard check(.identifier) || check(.string) else {
            throw fail("expected a column name after '\(verb)', found \(peek.kind.display)", at: peek.range)
        }
        let token = advance()
        return ColumnRef(name: token.text, range: token.range)
    }

    private mutating func parseColumnRefs(_ verb: String) throws -> [ColumnRef] {
        var columns = [try parseColumnRef(verb)]
        while match(.comma) { columns.append(try parseColumnRef(verb)) }
        return columns
    }

    private mutating func parseFields(for verb: String, example: String = "n: count()") throws -> [RecordField] {
        var fields: [RecordField] = []
        repeat {
            guard check(.identifier) || check(.string), peekAt(1).kind == .colon else {
                throw fail("expected 'name: expression' after '\(verb)' (as in '\(verb) \(example)'), found \(peek.kind.display)", at: peek.range)
            }
            let token = advance()
            advance()
            fields.append(RecordField(name: token.text, nameRange: token.range, value: try parseOr()))
        } while match(.comma)
        return fields
    }

    private mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        var links = 0
        defer { depth -= links }
        while match(.kwOr) {
            try descend(); links += 1
            skipNewlines()
            let right = try parseAnd()
            left = Expr(.binary(.or, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        var links = 0
        defer { depth -= links }
        while match(.kwAnd) {
            try descend(); links += 1
            skipNewlines()
            let right = try parseNot()
            left = Expr(.binary(.and, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        if check(.kwNot) {
            let start = advance().range
            try descend()
            defer { depth -= 1 }
            let operand = try parseNot()
            return Expr(.unary(.not, operand), start.through(operand.range))
        }
        return try parseComparison()
    }

    private static func comparison(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        case .kwIn: return .contains
        default: return nil
        }
    }

    private mutating func parseComparison() throws -> Expr {
        let left = try parseRange()
        guard let op = Self.comparison(kinds[current]) else { return left }
        advance()
        skipNewlines()
        let right = try parseRange()
        if Self.comparison(kinds[current]) != nil {
            throw fail("comparisons do not chain; write 'a < b and b < c'", at: peek.range)
        }
        return Expr(.binary(op, left, right), left.range.through(right.range))
    }

    private mutating func parseRange() throws -> Expr {
        let left = try parseAdditive()
        guard check(.dotDot) || check(.dotDotLess) else { return left }
        let inclusive = advance().kind == .dotDot
        let right = try parseAdditive()
        return Expr(.range(left, right, inclusive: inclusive), left.range.through(right.range))
    }

    private mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        var links = 0
        defer { depth -= links }
        while check(.plus) || check(.minus) {
            try descend(); links += 1
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            skipNewlines()
            let right = try parseMultiplicative()
            left = Expr(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        var links = 0
        defer { depth -= links }
        while check(.star) || check(.slash) {
            try descend(); links += 1
            let op: BinaryOperator = advance().kind == .star ? .multiply : .divide
            skipNewlines()
            let right = try parseUnary()
            left = Expr(.binary(op, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseUnary() throws -> Expr {
        if check(.minus) || check(.plus) {
            let token = advance()
            try descend()
            defer { depth -= 1 }
            let operand = try parseUnary()
            if token.kind == .plus { return operand }
            return Expr(.unary(.negate, operand), token.range.through(operand.range))
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        let base = try parsePostfix()
        guard match(.starStar) else { return base }
        skipNewlines()
        try descend()
        defer { depth -= 1 }
        let exponent = try parseUnary()
        return Expr(.binary(.power, base, exponent), base.range.through(exponent.range))
    }

    private mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        var links = 0
        defer { depth -= links }
        while true {
            try descend(); links += 1
            if match(.leftParen) {
                let arguments = try parseArguments()
                expr = Expr(.call(expr, arguments), expr.range.through(previous.range))
            } else if match(.dot) {
                guard check(.identifier) || TokenKind.keywords[peek.text] != nil else {
                    throw fail("expected a field name after '.', found \(peek.kind.display)", at: peek.range)
                }
                let name = advance()
                expr = Expr(.member(expr, name.text, name.range), expr.range.through(name.range))
            } else if match(.leftBracket) {
                let index = try parseExpression()
                try expect(.rightBracket, "to close the index")
                expr = Expr(.index(expr, index), expr.range.through(previous.range))
            } else {
                return expr
            }
        }
    }

    private mutating func parseArguments() throws -> [Argument] {
        let opening = previous
        var arguments: [Argument] = []
        while !check(.rightParen) {
            if check(.identifier), peekAt(1).kind == .colon {
                let label = advance()
                advance()
                if arguments.contains(where: { $0.label == label.text }) {
                    fail("argument '\(label.text)' is given twice", at: label.range, andThrow: false)
                }
                arguments.append(Argument(label: label.text, labelRange: label.range, value: try parseExpression()))
            } else {
                let value = try parseExpression()
                if arguments.contains(where: { $0.label != nil }) {
                    fail("a positional argument cannot follow keyword arguments", at: value.range, andThrow: false)
                }
                arguments.append(Argument(label: nil, labelRange: nil, value: value))
            }
            if !match(.comma) { break }
        }
        try expectClosing(.rightParen, opened: opening)
        return arguments
    }

    private mutating func parsePrimary() throws -> Expr {
        try descend()
        defer { depth -= 1 }
        let token = peek
        switch token.kind {
        case .number: advance(); return Expr(.number(token.number ?? Quantity(0)), token.range)
        case .string: advance(); return Expr(.string(token.text), token.range)
        case .kwTrue: advance(); return Expr(.bool(true), token.range)
        case .kwFalse: advance(); return Expr(.bool(false), token.range)
        case .kwNone: advance(); return Expr(.none, token.range)
        case .identifier where token.text == "launch" && [.identifier, .string].contains(peekAt(1).kind):
            return try parseLaunchStatement()
        case .identifier: advance(); return Expr(.name(token.text), token.range)
        case .leftParen:
            advance()
            let inner = try parseExpression()
            try expectClosing(.rightParen, opened: token)
            return Expr(inner.kind, token.range.through(previous.range))
        case .leftBracket: return try parseList()
        case .leftBrace: return try parseRecord()
        case .kwFn:
            let decl = try parseFunction()
            return Expr(.function(decl), decl.range)
        case .dot where token.startsLine && Self.isWord(peekAt(1)) && peekAt(1).range.start == token.range.end:
            let command = "." + peekAt(1).text
            throw fail("'\(command)' is a command of the interactive naslab prompt, not part of the language: "
                       + "scripts cannot use dot-commands (delete the line, or type it at the prompt)", at: token.range.through(peekAt(1).range))
        default:
            throw fail("expected an expression, found \(token.kind.display)\(Self.hint(for: token))", at: token.range)
        }
    }

    /// `launch STRATEGY on SPACE using EVALUATOR budget N [seed N] [objective O]`: the
    /// statement form of `launch(STRATEGY, on: SPACE, using: EVALUATOR, budget: N, …)`.
    private mutating func parseLaunchStatement() throws -> Expr {
        let start = advance()
        var arguments = [Argument(label: nil, labelRange: nil, value: try parseOr())]
        let usage = "the launch statement reads 'launch STRATEGY on SPACE using EVALUATOR budget N' (optionally followed by 'seed N')"
        for word in ["on", "using", "budget"] {
            guard check(.identifier), peek.text == word else {
                throw fail("expected '\(word)', found \(peek.kind.display): \(usage)", at: peek.range)
            }
            let label = advance()
            arguments.append(Argument(label: word, labelRange: label.range, value: try parseOr()))
        }
        while check(.identifier), ["seed", "objective"].contains(peek.text) {
            let label = advance()
            arguments.append(Argument(label: label.text, labelRange: label.range, value: try parseOr()))
        }
        return Expr(.call(Expr(.name("launch"), start.range), arguments), start.range.through(previous.range))
    }

    /// Whether a token is a name or a keyword (both can follow '.').
    private static func isWord(_ token: Token) -> Bool {
        token.kind == .identifier || TokenKind.keywords[token.text] != nil
    }

    private static func hint(for token: Token) -> String {
        switch token.kind {
        case .pipe: return " (a pipeline starts with a table, as in 't | take 5')"
        case .assign: return " ('=' assigns; '==' compares)"
        case .kwElse: return " ('else' goes right after the '}' of its 'if')"
        default: return ""
        }
    }

    private mutating func parseList() throws -> Expr {
        let open = advance()
        var items: [Expr] = []
        while !check(.rightBracket) {
            items.append(try parseExpression())
            if !match(.comma) { break }
        }
        guard match(.rightBracket) else {
            throw fail("expected ',' or ']' in the list that starts here", at: open.range)
        }
        return Expr(.list(items), open.range.through(previous.range))
    }

    private mutating func parseRecord() throws -> Expr {
        let open = advance()
        var fields: [RecordField] = []
        skipNewlines()
        while !check(.rightBrace) {
            guard check(.identifier) || check(.string) || TokenKind.keywords[peek.text] != nil, peekAt(1).kind == .colon else {
                throw fail("expected 'name: value' in the record (as in {lr: 0.1, epochs: 3}), found \(peek.kind.display)", at: peek.range)
            }
            let name = advance()
            advance()
            skipNewlines()
            if fields.contains(where: { $0.name == name.text }) {
                fail("field '\(name.text)' appears twice in the record", at: name.range, andThrow: false)
            }
            fields.append(RecordField(name: name.text, nameRange: name.range, value: try parseExpression()))
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        guard match(.rightBrace) else {
            throw fail("expected ',' or '}' in the record that starts here", at: open.range)
        }
        return Expr(.record(fields), open.range.through(previous.range))
    }

    // MARK: - Token helpers

    private var peek: Token { tokens[current] }
    private var previous: Token { tokens[max(0, current - 1)] }
    private func peekAt(_ offset: Int) -> Token { tokens[min(tokens.count - 1, current + offset)] }
    private func check(_ kind: TokenKind) -> Bool { kinds[current] == kind }
    private var endsStatement: Bool { check(.newline) || check(.eof) || check(.semicolon) || check(.rightBrace) }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[current]
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    private mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    @discardableResult
    private mutating func expect(_ kind: TokenKind, _ context: String) throws -> Token {
        guard check(kind) else { throw fail("expected \(kind.display) \(context), found \(peek.kind.display)", at: peek.range) }
        return advance()
    }

    /// Expects a closing bracket; when the input has moved on to a later line, blames the opening one.
    private mutating func expectClosing(_ kind: TokenKind, opened: Token) throws {
        guard !check(kind) else { advance(); return }
        if peek.range.line > opened.range.line || check(.eof) {
            throw fail("this '\(opened.kind.rawValue)' is never closed: add '\(kind.rawValue)'", at: opened.range)
        }
        throw fail("expected \(kind.display) to close the '\(opened.kind.rawValue)', found \(peek.kind.display)", at: peek.range)
    }

    private mutating func skipNewlines() { while check(.newline) { advance() } }
    private mutating func skipSeparators() { while check(.newline) || check(.semicolon) { advance() } }

    private mutating func descend() throws {
        depth += 1
        if depth > Self.maxDepth {
            depth -= 1
            throw fail("this expression is nested too deeply or chains too many operators (more than \(Self.maxDepth) levels); split it into several statements", at: peek.range)
        }
    }

    @discardableResult
    private mutating func fail(_ message: String, at range: SourceRange, andThrow: Bool = true) -> Abandon {
        if diagnostics.count < Self.maxErrors,
           !diagnostics.contains(where: { $0.range?.start == range.start && $0.severity == .error }) {
            diagnostics.append(Diagnostic(message: message, file: file, range: range))
        }
        return Abandon()
    }

    private mutating func synchronize() {
        var braces = 0
        while !check(.eof) {
            switch peek.kind {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            case .newline, .semicolon:
                if braces == 0 { return }
            default: break
            }
            advance()
        }
    }
}
