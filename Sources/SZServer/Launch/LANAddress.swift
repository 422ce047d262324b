import NIOCore
import NIOPosix

/// This machine's address on its local network, for `--local-gm` links (pyvtt asked a web service for the public
/// address; asking the network interfaces needs no network).
public enum LANAddress {
    /// The first IPv4 address of an interface that is not loopback, or nil when there is none.
    public static func find() -> String? {
        let devices = (try? System.enumerateDevices()) ?? []
        return devices.lazy.compactMap { device -> String? in
            guard let address = device.address, case .v4 = address, let ip = address.ipAddress, !ip.hasPrefix("127.")
            else { return nil }
            return ip
        }.first
    }
}
