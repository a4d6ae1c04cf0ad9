package riskguard.connectors.sim;

/**
 * The venue's answer to an action, carried to REST as {@code success/errorCode/errorMessage}.
 * Error codes are the gateway's per-endpoint codes (e.g. PlaceOrderErrorCode, CancelOrderErrorCode,
 * ClosePositionErrorCode); 0 is success.
 *
 * @param orderId the order created, when the action created one
 */
public record Outcome(int errorCode, String errorMessage, Long orderId) {

  /** AccountNotFound, in every endpoint's error codes. */
  static final int ACCOUNT_NOT_FOUND = 1;
  /** PositionNotFound (close, partial close) and OrderNotFound (cancel, modify). */
  static final int NOT_FOUND = 2;
  /** PlaceOrderErrorCode.OrderRejected. */
  static final int ORDER_REJECTED = 2;
  static final int PLACE_CONTRACT_NOT_FOUND = 8;
  /** PlaceOrderErrorCode.AccountRejected: the account may not trade. */
  static final int PLACE_ACCOUNT_REJECTED = 10;
  static final int CLOSE_CONTRACT_NOT_FOUND = 3;
  /** ClosePositionErrorCode.OrderRejected, e.g. a partial close larger than the position. */
  static final int CLOSE_ORDER_REJECTED = 5;
  /** ModifyOrderErrorCode.Rejected. */
  static final int MODIFY_REJECTED = 3;
  /** ModifyOrderErrorCode.AccountRejected. */
  static final int MODIFY_ACCOUNT_REJECTED = 6;

  static Outcome ok() {
    return new Outcome(0, null, null);
  }

  static Outcome created(long orderId) {
    return new Outcome(0, null, orderId);
  }

  static Outcome error(int code, String message) {
    return new Outcome(code, message, null);
  }

  public boolean success() {
    return errorCode == 0;
  }
}
