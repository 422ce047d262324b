/// The constants of the zip format (PKWARE APPNOTE 6.3.10) that packs use.
enum ZipFormat {
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let dataDescriptorSignature: UInt32 = 0x0807_4B50

    static let localHeaderSize = 30
    static let centralHeaderSize = 46
    static let endRecordSize = 22
    static let zip64LocatorSize = 20
    static let maximumCommentLength = 0xFFFF

    static let storedMethod: UInt16 = 0
    static let deflateMethod: UInt16 = 8

    static let encryptedFlag: UInt16 = 1 << 0
    static let dataDescriptorFlag: UInt16 = 1 << 3
    static let strongEncryptionFlag: UInt16 = 1 << 6
    static let utf8Flag: UInt16 = 1 << 11
    static let maskedHeaderFlag: UInt16 = 1 << 13

    /// `versionMadeBy` host systems whose external attributes carry a Unix mode in the high 16 bits.
    static let unixHosts: Set<UInt8> = [3, 19]

    static let unixTypeMask: UInt32 = 0o170000
    static let unixRegularFile: UInt32 = 0o100000
    static let unixDirectory: UInt32 = 0o040000
    static let unixSymbolicLink: UInt32 = 0o120000

    static let dosDirectoryAttribute: UInt32 = 0x10
    static let dosVolumeLabelAttribute: UInt32 = 0x08
    static let windowsReparsePointAttribute: UInt32 = 0x400
}

extension [UInt8] {
    func littleEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func littleEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(littleEndianUInt16(at: offset)) | UInt32(littleEndianUInt16(at: offset + 2)) << 16
    }

    /// Whether `length` bytes starting at `offset` lie inside the array, without overflowing.
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= count && length <= count - offset
    }

    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        appendLittleEndian(UInt16(truncatingIfNeeded: value))
        appendLittleEndian(UInt16(truncatingIfNeeded: value >> 16))
    }
}
