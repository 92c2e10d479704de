/// A run of consecutive decisions whose valid combinations are listed (a block, a unit, a layer).
///
/// Spaces with conditional decisions (a unit's depth switches its last layers off; a block's
/// expansion only matters for MBConv) split their decisions into independent groups. Within a
/// group, a decision that is switched off holds 0; `members` lists every valid combination, so
/// counting, uniform sampling and local moves are exact.
public struct DecisionGroup: Sendable {
    /// The decisions of this group, in token order.
    public let decisions: [Decision]
    /// Every valid combination of local tokens, inactive decisions at 0.
    public let members: [[Int]]
    /// Which local decisions are active in each member.
    public let activity: [[Bool]]
    private let indexOf: [[Int]: Int]

    /// Lists the members from an activity rule: `active(tokens)` says which decisions count.
    ///
    /// `active` must decide decision `i` from decisions before `i` only; `valid` may reject
    /// whole combinations (two inputs of a node that must differ).
    public init(decisions: [Decision], active: ([Int]) -> [Bool], valid: ([Int]) -> Bool = { _ in true }) {
        var members: [[Int]] = []
        var activity: [[Bool]] = []
        var tokens = [Int](repeating: 0, count: decisions.count)
        DecisionGroup.fill(0, &tokens, decisions, active, &members, &activity)
        let keep = members.indices.filter { valid(members[$0]) }
        members = keep.map { members[$0] }
        activity = keep.map { activity[$0] }
        self.decisions = decisions
        self.members = members
        self.activity = activity
        indexOf = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
    }

    /// A group whose decisions are all always active, with an optional validity rule.
    public init(decisions: [Decision], valid: ([Int]) -> Bool = { _ in true }) {
        self.init(decisions: decisions, active: { [Bool](repeating: true, count: $0.count) }, valid: valid)
    }

    private static func fill(_ i: Int, _ tokens: inout [Int], _ decisions: [Decision], _ active: ([Int]) -> [Bool],
                             _ members: inout [[Int]], _ activity: inout [[Bool]]) {
        if i == decisions.count {
            members.append(tokens)
            activity.append(active(tokens))
            return
        }
        let on = active(tokens)[i]
        for option in 0..<(on ? decisions[i].count : 1) {
            tokens[i] = option
            fill(i + 1, &tokens, decisions, active, &members, &activity)
        }
        tokens[i] = 0
    }

    /// The position of a local combination in `members`, or nil when it is not valid.
    public func index(of local: [Int]) -> Int? { indexOf[local] }

    /// Members one local change away: exactly one decision active in both differs (decisions that
    /// the change switches on take any value, so changing a depth adds or removes a layer).
    public func neighbors(of member: Int) -> [Int] {
        let m = members[member]
        let a = activity[member]
        return members.indices.filter { other in
            var differ = 0
            for i in m.indices where a[i] && activity[other][i] && m[i] != members[other][i] {
                differ += 1
                if differ > 1 { return false }
            }
            return differ == 1
        }
    }
}
