import Foundation
import Monitor
import ProxyLiteAPI

enum RenewalText {
    static func duration(_ d: RenewDuration) -> String {
        switch d {
        case .oneMonth: return UIText.renewOneMonth()
        case .twoMonths: return UIText.renewTwoMonths()
        case .endOfNextMonth: return UIText.renewEndOfNextMonth()
        }
    }
}
