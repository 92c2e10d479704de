import NASLanguage

/// Well-formed scripts that call every builtin, the starting points from which mutations reach the engine.
///
/// For each builtin: its help example, a call with only the required arguments, and a call that
/// names every argument (defaults written out, so that mutating one changes one setting). Then a
/// few scenarios that chain builtins the way users do: launch, wait, query, simulate, train.
public enum SeedCorpus {
    /// Hand-written scripts that go through the engine end to end, with small budgets.
    public static let scenarios: [String] = [
        """
        r = launch(evolution(population: 5, sample: 2), on: nb201(), using: nb201(dataset: "cifar10"), budget: 8, seed: 2)
        wait(r)
        trials(r) | where accuracy > 80% | sort accuracy desc | take 3
        best(r)
        pareto(trials(r), "params", "accuracy")
        runs() | where status == "done" | select run, strategy, trials
        sql("select count(*) as n from trials")
        """,
        """
        simulate(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 10, seeds: 2)
        simulate(tournament(), on: nb201(), using: nb201(dataset: "cifar100", epochs: 12), budget: 2000s, seeds: [1, 2])
        """,
        """
        s = nb201()
        a = sample(s, seed: 3)
        b = mutate(s, a, seed: 1)
        print(encode(a), cost(a), identity(b), neighbors(s, a) | take 2)
        evaluate(nb201(dataset: "imagenet16-120", trial: "random"), b, seed: 2)
        evaluate([nb201(dataset: "cifar10"), latency(device: "raspi4")], a)
        """,
        """
        d = dataset("digits", train: 200, valid: 50, test: 50, seed: 1)
        ev = train(d, epochs: 1, batch: 32, lr: 0.05)
        sp = space("tiny", repeat("layer", 1..2, choice("op", ["conv3x3", "max_pool_3x3"])))
        evaluate(ev, sample(sp, seed: 1))
        """,
        """
        r = launch("random", on: nb201(), using: nb201(dataset: "cifar10"), budget: 20000s, seed: 1)
        cancel(r)
        resume(r)
        status(r)
        jobs()
        """,
        """
        t = table([{a: 1, b: 2ms}, {a: 3, b: 1ms}, {a: 2, b: 5ms}])
        t | extend c: a * b | group by a summarize n: count(), m: mean(b) | pareto a max, m min
        save(t, "t.csv")
        load("t.csv") | join t on a
        """,
    ]

    /// Every seed: the scenarios, then three per builtin of `registry`.
    public static func scripts(for registry: BuiltinRegistry) -> [String] {
        scenarios + registry.all.flatMap { builtin in
            [builtin.example, requiredCall(builtin), keywordCall(builtin)].compactMap { $0 }
        }
    }

    /// A call with the required arguments only, positional where the parameter allows it.
    public static func requiredCall(_ builtin: Builtin) -> String {
        var arguments = builtin.parameters.filter(\.isRequired).map { parameter in
            let value = ArgumentSamples.text(for: parameter, of: builtin)
            return parameter.keywordOnly ? "\(parameter.name): \(value)" : value
        }
        if let variadic = builtin.variadic { arguments.append(ArgumentSamples.text(for: variadic, of: builtin)) }
        return "\(builtin.name)(\(arguments.joined(separator: ", ")))"
    }

    /// A call that names every argument: required ones with sample values, optional ones with their
    /// default (or, when the default is none, a sample value).
    public static func keywordCall(_ builtin: Builtin) -> String {
        let arguments = builtin.parameters.map { parameter in
            let value = ArgumentSamples.defaultText(of: parameter) ?? ArgumentSamples.text(for: parameter, of: builtin)
            return "\(parameter.name): \(value)"
        }
        return "\(builtin.name)(\(arguments.joined(separator: ", ")))"
    }
}
