/**
 * Tunable thresholds of the delivery-state engine that are not per season. Per-season thresholds
 * (Apprec overdue hours, extension advice and alert working days) live on the season itself.
 */
import {
  SERVICE_VOLUME_CHANGE_THRESHOLDS,
  type VolumeChangeThresholds,
  WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS,
} from '../../ingest/rules/checks';
import { DEFAULT_DEADLINE_RISK_RULES, type DeadlineRiskRules } from './deadline-risk';

export interface DeliveryRules {
  /**
   * A KPR_IPL and a KPR_IDE of which at least one lacks a run number are paired by closeness in
   * time, but only when received at most this many hours apart.
   */
  pairingWindowHours: number;
  /** When a service code's count is implausible against last season (the same thresholds as the pre-send checks). */
  serviceVolume: VolumeChangeThresholds;
  /** When the welfare-technology total is implausible against last season. */
  welfareTechnology: VolumeChangeThresholds;
  /** When last season's curve raises «Bør søke om utsettelse» (lib/status/rules/deadline-risk.ts). */
  deadlineRisk: DeadlineRiskRules;
}

export const DEFAULT_DELIVERY_RULES: DeliveryRules = {
  pairingWindowHours: 7 * 24,
  serviceVolume: SERVICE_VOLUME_CHANGE_THRESHOLDS,
  welfareTechnology: WELFARE_TECHNOLOGY_CHANGE_THRESHOLDS,
  deadlineRisk: DEFAULT_DEADLINE_RISK_RULES,
};
