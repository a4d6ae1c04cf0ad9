# riskguard's rule vocabulary: near-plain English for .dslr rules (docs/writing-rules.md).
# Each line reads [when] or [then], the phrase, "=", and the DRL it stands for; {name} is
# filled from the rule's text. Longer phrases come before shorter ones they could contain.
#
# Some phrases name facts that later phrases use (see docs/writing-rules.md, "Phrases that
# go together"): "the daily realized loss rule is enabled" binds the limit, the P&L basis and
# today's date for the realized-loss phrases; "The reason is" states the reason that the
# decision phrases after it give.

# --- Conditions: which rule is on -------------------------------------------------------
[when]The daily realized loss rule is enabled=$loss : DailyRealizedLoss() RiskSettings( $basis : pnlBasis ) CurrentTradingDay( $today : date )
[when]The auth loss guard is enabled=AuthLossGuard()

# --- Conditions: lockouts and warnings ------------------------------------------------------
[when]Rule {rule} has not locked the account out=not Lockout( rule == "{rule}" )
[when]Rule {rule} has locked the account out=$lockout : Lockout( rule == "{rule}" )
[when]Rule {rule} has not warned at {percent} % today=not Warned( rule == "{rule}", level == {percent}, tradingDay == $today )

# --- Conditions: the day's realized P&L --------------------------------------------------------
[when]The day's realized loss has reached {percent} % of the limit but not the limit=$realized : Number( LimitUse.reaches(-doubleValue, $loss.limit(), {percent}), !$loss.isBreachedBy(doubleValue) ) from accumulate( $trade : Trade( tradingDay == $today, voided == false, pnl != null ), sum( $trade.realizedPnl($basis) ) )
[when]The day's realized loss has reached the limit=$realized : Number( $loss.isBreachedBy(doubleValue) ) from accumulate( $trade : Trade( tradingDay == $today, voided == false, pnl != null ), sum( $trade.realizedPnl($basis) ) )
[when]The day's realized loss reaches {amount} dollars=CurrentTradingDay( $day : date ) RiskSettings( $dayBasis : pnlBasis ) $realized : Number( doubleValue <= -{amount} ) from accumulate( $dayTrade : Trade( tradingDay == $day, voided == false, pnl != null ), sum( $dayTrade.realizedPnl($dayBasis) ) )

# --- Conditions: the account, positions and orders ---------------------------------------
[when]The gateway says the account may not trade=Account( canTrade == false )
[when]The gateway says the account may trade=Account( canTrade == true )
[when]The account update left out canTrade=Account( canTradeMissing == true )
[when]The account update reported canTrade=Account( canTradeMissing == false )
[when]There is a position of more than {contracts} contracts in {root} futures=$position : Position( root == "{root}", size > {contracts} )
[when]There is a position in {root} futures=$position : Position( root == "{root}" )
[when]There is an open position=$position : Position()

# --- Consequences -----------------------------------------------------------------------------
[then]The reason is that the day's realized loss reached the limit=String reason = "realized " + Money.format($realized.doubleValue()) + " <= " + Money.format(-$loss.limit());
[then]The reason is "{text}"=String reason = "{text}";
[then]For {rule}: flatten the account, cancel its orders and lock it out until the daily reset=decisions.closeAll("{rule}", reason); decisions.cancelAllOrders("{rule}", reason); decisions.lockOutUntilReset("{rule}", reason);
[then]For {rule}: flatten the account, cancel its orders and lock it out until further notice=decisions.closeAll("{rule}", reason); decisions.cancelAllOrders("{rule}", reason); decisions.lockOutIndefinitely("{rule}", reason);
[then]For {rule}: flatten the account=decisions.closeAll("{rule}", reason);
[then]For {rule}: cancel every working order=decisions.cancelAllOrders("{rule}", reason);
[then]For {rule}: lock the account out until the daily reset=decisions.lockOutUntilReset("{rule}", reason);
[then]For {rule}: lock the account out until further notice=decisions.lockOutIndefinitely("{rule}", reason);
[then]For {rule}: close that position=decisions.closePosition("{rule}", $position.getContractId(), reason);
[then]For {rule}: lift that lockout=decisions.lift("{rule}", $lockout, reason);
[then]For {rule}: warn the trader once today that the day's realized loss is at {percent} % of the limit=decisions.warn("{rule}", {percent}, "realized " + Money.format($realized.doubleValue()) + " is {percent} % of the " + Money.format(-$loss.limit()) + " limit"); insert(new Warned("{rule}", {percent}, $today));
[then]For {rule}: log the warning "{message}"=decisions.logWarning("{rule}", "{message}");
