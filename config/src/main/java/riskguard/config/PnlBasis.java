package riskguard.config;

/** Whether realized P&L counts fees ({@code net}, the default) or not ({@code gross}). */
public enum PnlBasis {
  NET,
  GROSS
}
