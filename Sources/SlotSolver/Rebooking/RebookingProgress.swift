/// Progress reported while the exact solver works (on the calling thread).
public struct RebookingProgress: Sendable {
    /// Best objective found so far.
    public var incumbent: Int
    /// Best proven lower bound so far.
    public var bound: Double
    public var seconds: Double
    /// A short phrase: "greedy", "part 3 of 10", "master 4", …
    public var phase: String
}
