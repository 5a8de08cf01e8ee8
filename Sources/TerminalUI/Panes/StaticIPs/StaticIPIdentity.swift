import ProxyLiteAPI

/// What the UI holds on to for a static IP (a mark, the open details): its id, or its address
/// and port where the API sent no id. Never its position: a poll can reorder the list under an
/// open overlay, and a position would then show, or act on, another IP.
extension StaticIP {
    public var identity: String {
        if let id { return "id \(id)" }
        return port.map { "\(ip):\($0)" } ?? ip
    }
}
