/// This release of SessionZero: written into the `sessionZeroVersion` of packs it creates.
public enum SessionZeroRelease {
    public static let version = "0.1.0"
}
