import Foundation
import Monitor
import ProxyLiteAPI

enum RenewalText {
    static func duration(_ d: RenewDuration) -> String {
        switch d {
        case .oneMonth: return "1 month"
        case .twoMonths: return "2 months"
        case .endOfNextMonth: return "to the end of next month"
        }
    }
}
