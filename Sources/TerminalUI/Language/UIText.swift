/// The key of every text the interface shows. Each language's table (`Catalogue`) holds one
/// entry per key; `{1}`, `{2}`… are the values filled in, which every language must use alike
/// (`CatalogueTests` checks both).
public enum UIText: String, CaseIterable, Sendable, Hashable {
    // Tabs (full and short forms).
    case tabAccounts, tabAccountsShort, tabFlow, tabFlowShort, tabStaticIPs, tabStaticIPsShort, tabOrders, tabOrdersShort
    case tabPackages, tabPackagesShort, tabWhitelist, tabWhitelistShort, tabExtract, tabExtractShort, tabProducts
    case tabProductsShort, tabAlerts, tabAlertsShort, tabProfiles, tabProfilesShort

    // The header.
    case headerAlertOne, headerAlerts, headerHistoryOff, headerHistoryReading, headerLeft, headerRunsOut, headerLeftCount
    case headerExpiring, headerExpired, headerUsed, connConnecting, connLive, connStale, connRetryIn, connRetrying, connOffline
    case connStopped, months, monthDay, monthDayYear

    // The flash line, the too-small screen, pane status lines, short product types.
    case filterLabel, filterHint, filterCleared, filterSet, marksCleared, readOnlyRefused, cannotSuspend
    case tooSmall, tooSmallSize, tooSmallQuit, paneStale, paneUnavailable, paneLoading, unreadableOne, unreadableMany
    case typeDynTraffic, typeDynIP, typeDCStatic, typeResStatic, typeCode, never, cellExpired, cellDaysLeft

    // Global keys and help.
    case keySwitchPane, keyPickPane, keyNextPane, keyPreviousPane, keyProfiles, keyPickProfile, keyHelp, keyRefresh
    case keyRepaint, keyQuit, keyMove, onlyOneProfile, refreshing, helpTitle, helpMouse
    case keyMark, markAllMarked, markAllUnmarked

    // Dialogs and forms.
    case dialogWorking, dialogWaitingHint, dialogQuitTitle, dialogQuitOne, dialogQuitMany, dialogQuitWarning, buttonCancel
    case buttonQuit, dialogQuitKeys, dialogEscCloses, dialogGoToPane, dialogNoPaneMatches, dialogPickerKeys, dialogConfirmKeys
    case dialogTypedKeys, dialogFormKeys, dialogSettling

    // Replies, refusals and the dialogs' own messages.
    case cancelledNothingChanged, readOnlyConfirmOff, whatAccountName, whatHowMany, typeToConfirmPrompt, cancelledNothingDeleted
    case sending, readOnlyNothingSent, refused, noAnswer, acceptedWith, accepted, extractedCount, extractedOne, rawTitle
    case rawGone, readOnlyChangesOff, pasteTyped, pasteNoField, keysIgnoredOne, keysIgnoredMany, confirmHeading, typedMismatch
    case fieldRequired, fieldProblem, fieldTooLong, toggleOn, toggleOff, choiceNone

    // What a form field accepts.
    case ruleOneLine, ruleAlphanumeric, ruleDigits, ruleIPChars, rulePairs, ruleMaxGB, rulePasswordLength, ruleRemarkTooLong
    case ruleNoIP, ruleBadIP

    // Commands as flashes and dialogs name them.
    case cmdMore, cmdAccounts, cmdAdd, cmdEnable, cmdDisable, cmdDelete, cmdLimit, cmdPassword, cmdRemark, cmdChange
    case cmdWhitelist, cmdUnwhitelist, cmdCloseOrder, cmdNewOrder, cmdPricePreview, cmdExtraction, cmdStates, cmdCities
    case cmdRegions, limitNone, limitGB, noteLate, noteNextPoll, checkWhitelist, checkOrders, checkConsole, checkRows
    case batchRefused, batchUnknown, batchNotSent

    // The Accounts pane.
    case accountsTitle, accountsFilter, accountsSort, accountsMarked, accountsPending, accountsLag, accountsSorted
    case colUsername, colStatus, colType, colUsage, colLimit, colPercent, colRate, colToLimit, colRemark, colCreated, colTrend
    case cellOn, cellOff, cellAtLimit
    case sortUser, sortStatus, sortType, sortUsage, sortLimit, sortPercent, sortRate, sortToLimit, sortRemark, sortCreated
    case sortTrend
    case keyFilter, keyClearFilter, keySort, keyReverseSort, keyAccountDetails, keyAddAccounts, keyEnable, keyDisable
    case keyDelete, keyLimit, keyChange, keyRaw

    // The account details and the Accounts pane's dialogs.
    case detailTitle, detailGone, fieldStatus, fieldType, fieldUsage, fieldRate, fieldToLimit, fieldPassword, fieldRemark
    case fieldCreated, fieldUnconfirmed, fieldPending, valueEnabled, valueDisabled, usageOf, usageNoLimit, rateAfterPoll
    case passwordShows, pendingUnconfirmed, pendingAccepted, dailyTraffic, dailyLoading, span7d, span24h, otherSpan7d
    case otherSpan24h, usageOverOff, usageOverFailed, usageOverLoading, usageOverEmpty, usageOverBars, perHours, perMinutes
    case noAccountSelected, verbEnable, verbDisable, enableTitle, disableTitle, deleteTitle, verbDelete, cannotUndo, limitTitle
    case addTitle, changeTitle, buttonContinue, labelLimitGB, labelUsername, labelPassword, labelOrMany, labelProductType
    case labelRemark, labelNewPassword, labelDailyGB, hintNoLimit, hintLettersDigits, addIntro, overshootNote

    // The Alerts, Whitelist, Profiles and Extract panes.
    case alertsTitle, alertsActive, alertsNone, alertsHelp1, alertsHelp2, alertsHelp3, alertsReading, alertsOff, alertsFailed
    case alertsKeptElsewhere, keyAcknowledge, keyAcknowledgeAll, alertOver, alertAlreadyAcked, alertAcked, alertNoneActive
    case alertAckedCount, colAlertState, colKind, colSubject, colValue, colMessage, colRaised, colCleared, kindUsage
    case kindToLimit, kindStaticIP, kindPackage, kindTrafficLeft, kindAPIDown, kindSpike, stateActive, stateAck, statePast
    case colIP, keyAddIPs, keyRemoveIPs, keyRawRecord, whitelistTitle, yourIPListed, yourIPNotListed, whitelistEmpty, colProfile
    case colReadOnly, cellReadOnly, colHealth, colLeft, colRunsOut, colAlerts, colPkgExp, colIPExp, colUpdated, colSource
    case healthLive, healthStale, healthOffline, healthStopped, profilesTitle, profilesNotPolling, profilesNote, keyShowProfile
    case profileShown, profileSwitched, profilePickerKeys, profilePickerTitle, profilePickerNone, noteReadOnly, noteShown
    case keyExtract, keySave, extractNote, extractedAt, extractNoEndpoints, extractNothing, hostPoolStock, staticIPStock

    // The Orders, Static IPs, Packages, Products and Flow panes.
    case colTradeNo, colTitle, colQty, colPayFee, colPaid, colPayment, colRefund, colPort, colCC, colCity, colExpires
    case colDaysLeft, colID, colOrder, colPrice, colCurrency, colDays, colSale, colStock, colTraffic, colSKUs, colDay
    case ordersTitle, ordersStatusFilter, ordersAwaiting, ordersFilterSet, ordersAllStatuses, keyFilterStatus, keyCloseOrder
    case noOrderSelected, onlyUnpaidClose, closeOrderTitle, closeOrderIntro
    case staticIPsTitle, staticIPsFilter, staticIPsMarked, expireWithin7, renewIPsTitleOne, keyFilterIPs, keyClearIPFilter
    case keyEveryField, keyRenewIPs, staticIPTitle, staticIPGone, staticIPRawTitle, renewOneMonth, renewTwoMonths
    case renewEndOfNextMonth
    case packagesTitle, packagesTypeFilter, packagesSummary, packagesUnused, packagesFilterSet, packagesAllTypes
    case keyFilterProductType, keyRenewPackage
    case productsTitle, productsNote, productsPayment, productsBonus, productsOff, productsAny, productsUnavailable
    case keyProductDetails, keyBuy, productTitle
    case flowTitle, flowQueried, flowLastDays, flowNote, flowWhole, flowNoAccount, flowAccount, flowNow, flowLoading
    case keyFlowDays, keyChooseAccount, keyRawAccount

    // Buying and renewing: the forms and the price preview.
    case buyProductChanged, previewPriceUnknown
    case buyLoading, buyNoMethod, buyNoLongerListed, buySubmit, buyUseStaticIPs, buyIntro, buyQuantity, buyRegions
    case buyRegionsHint, buyTopUp, buyBandwidth, buyConcurrency, buyDuration, buyLength, buyCoupon, buyCouponHint
    case buyPayment, buyMethodGone, buyMethodsUnavailable, buyProductsUnavailable, buyTitle, buyQuantityTooSmall
    case buyTopUpTooSmall, buyBalanceTopUp, buyRegionProblem, buyStockLeft, buyOutsideBounds, buySummaryQuantity
    case buySummaryRegions, buySummaryTopUp, buySummarySKUs, buySummaryLength, buySummaryCoupon, buyAsListed, buyAsListedDays
    case buyTimes, buyTimesDays, buyNoIdentity, buyCustomOnly, buyShowTypeUnreadable, buyNotOnSale, buySaleUnknown
    case buySoldOut, buyStock
    case previewNothingOrdered, previewReadOnly, previewCreate, previewCreated, previewWaiting, previewAmount, previewFees
    case previewNoPayFee, previewPayFeeUnreadable, previewPayWith, previewRange, previewFrom, previewUpTo, previewTakes
    case previewOff, previewBalance, previewUnpaid, previewAmountHidden, previewReadyElsewhere, previewPayConsole
    case previewPaid, previewSeeOrders, previewCreatedUnpaid, previewCreatedStatus
    case renewLoading, renewWith, renewProductGone, renewProductsUnavailable, renewNoProduct, renewGone, renewTitle
    case renewExpires, renewExpiryUnknown, renewIntro, renewSummary, renewPaymentsUnavailable, renewIPsTitle, renewIPsIntro
    case renewFor, noStaticIPSelected, renewNoIDs, renewOneType, renewNoProductFor, renewNoMethod
    case unsettledTitle, unsettledNoAnswer, unsettledSince, unsettledPolling, unsettledNone, unsettledPayOrClose
    case buyUnitConcurrent, buyUnitDays, detailType, detailPrice, detailOnSale, detailShownAs, detailTraffic, detailBonus
    case detailValid, detailDays, detailStock, detailRenews, detailSKUs, detailValue, detailUnreadable
    case sqKeyHelp, sqClearHelp, sqSubmit, sqAny, sqStatus, sqType, sqFrom, sqTo, sqDayHint, sqTradeNo, sqTradeNoHint, sqInvoice
    case sqPayFee, sqCountry, sqCountryHint, sqWaiting, sqCleared, sqNothing, sqTitleOrders, sqTitleIPs, sqTitlePackages
    case sqTitleFlow, sqIntro1, sqIntro2, sqDay, sqDays, sqRow, sqRows, sqShown, sqFailed, sqBanner, sqBannerKeys
    case sqEndBeforeStart, ruleDay, ruleCountryLetters, ruleNotADay, ruleCountryTwo
    case fsBothOrMany, fsEnterPairs, fsGivenTwice, fsExists, fsChooseType, fsAddOne, fsAddMany, fsType, fsRemark, fsAddButton
    case fsGone, fsNothingToChange, fsChangeIntro, fsChangeButton, fsLimitMax, fsSetLimit, fsTheseAccounts, fsOneCallEach
    case fsAllWhitelisted, fsPackageGone, fsType11Package, fsAllowIPs, fsLeftOut, fsFor, fsPackage, fsWhitelistTitle
    case fsNoRenewalProduct, fsSeconds, fsMinutes, fsVerifyTitle, fsVerifyIntro, fsVerifyBy, fsCode, fsCodeHint, fsRemove
    case fsAndMore, fsPriceUnreadableOne, fsPriceUnreadable, fsRenewalPriceOne, fsRenewalPrice, fsUnknownPayFee
    case dkUnsettled, dkVerifyReason, dkWrongProfile, dkCreating, dkRenewalReady, dkRegions
    case riAccount, riUsername, riStaticIP, riAddress, riOrder, riTradeNumber, riPackage, riID, riWhitelisted, riUnreadable
    case riFetching
    case acHiddenOne, acHiddenMany, acSharedName, acAlreadyOnOne, acAlreadyOffOne, acAlreadyOnAll, acAlreadyOffAll, acVerbIntro
    case acThisAccount, acLeftOutOn, acLeftOutOff, acDisableNote1, acDisableNote2, acHistoryErased, acLimitOf, acLimitNow
    case acVarious, acHintPassword, acHintRemark, acHintDaily, acHintUDP, acOnlyThis, acApplyDelay, acPasswordRule
    case acChangePassword, acChangeRemark, acChangeLimit, acChangeDaily, acChangeUDP
    case apNotPair, apUsername, apPassword, apAtLeastOne
    case wlIntro, wlSSH, wlIPs, wlIPsHint, wlDefault, wlPackage, wlNone, wlPackageHint, wlNoIP, wlRemoveIntro, wlRemoveNote
    case wlRemoveTitle
    case exTitle, exIntro, exAccount, exAccountHint, exCountryHint, exState, exCity, exNumber, exNumberHint, exSession
    case exSessionHint, exNetwork, exNetworkHint, exFormat, exFormatHint, exSubmit, exJSONLines, exTextLines, exTextCommas
    case exTextSemicolons, exNothingYet, exSaveTitle, exOnePerLine, exSeparatedBy, exFile, exSave, exWriteFailed, exSaved
    case exRequest, exAnyRegion
    case snapProductsUnavailable, snapPaymentMethods, snapPaymentUnavailable, snapBonus, snapBonusUnavailable, snapFilter
    case colCountry, colState, colCount
    case batchCountAccepted, batchCountRefused, batchCountUnknown, batchCountNotSent, batchCountSeparator
    case orderTradeNo, orderTitleField, orderAmount, orderToPay, orderMethod, orderStatus

    // The API models' words (statuses, sale, stock, an unknown type), as `ModelText` shows them.
    case mOrderUnpaid, mOrderPaid, mOrderCancelled, mOrderRefunded, mStatusN, mStatusUnknown, mPayNormal, mPayOverpaid
    case mPayUnderpaid, mPayStatusN, mRefunded, mIPValid, mIPInvalid, mIPExpiring, mIPMaintenance, mTypeN, mSaleCustomOnly
    case mSaleYes, mSaleNo, mStockUnlimited, mStockInTotal, mStockOf

    // The provider's errors.
    case providerSaid, providerSaidEnglish, errKeyRejected, errNotVerified, errBadParameters, errRateLimited, errAPICode
    case errHTTP, errRedirect, errTimeout, errRefused, errDNS, errTLS, errTransport, errDecoding, errCancelled

    // `snapshot`'s text.
    case snapshotHeader, snapshotNone, snapshotFailed, snapshotUnreadableOne, snapshotUnreadableMany, snapshotFlowTotal
    case snapshotSummary, snapshotAccounts, snapshotFlow, snapshotStaticIPs, snapshotOrders, snapshotPackages, snapshotWhitelist
    case snapshotProducts, snapshotRegions
}

extension UIText {
    /// The text in the language being drawn (`Language.current`), with `values` for `{1}`, `{2}`….
    public func callAsFunction(_ values: any CustomStringConvertible...) -> String {
        Catalogue.format(Catalogue.text(self, in: Language.current), values.map(\.description))
    }

    /// The text in `language`, with `values` filled in.
    public func text(in language: Language, _ values: any CustomStringConvertible...) -> String {
        Catalogue.format(Catalogue.text(self, in: language), values.map(\.description))
    }
}
