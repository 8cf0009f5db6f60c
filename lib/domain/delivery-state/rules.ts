/**
 * Tunable thresholds of the delivery-state engine that are not per season. Per-season thresholds
 * (Apprec overdue hours, extension advice and alert working days) live on the season itself.
 */
export interface DeliveryRules {
  /**
   * A KPR_IPL and a KPR_IDE of which at least one lacks a run number are paired by closeness in
   * time, but only when received at most this many hours apart.
   */
  pairingWindowHours: number;
  volumePlausibility: {
    /**
     * A service code's count is implausible when it grew or shrank by more than this factor since
     * last season (2: doubled or halved). A code that appeared or vanished counts as changed.
     */
    maxChangeFactor: number;
    /** Codes with fewer services than this in both seasons are not compared: small numbers swing. */
    minimumCount: number;
  };
}

export const DEFAULT_DELIVERY_RULES: DeliveryRules = {
  pairingWindowHours: 7 * 24,
  volumePlausibility: { maxChangeFactor: 2, minimumCount: 20 },
};
