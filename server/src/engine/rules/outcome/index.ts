// The outcome rules (label balance, selection, errors, calibration by group), in report order.
// The first carries the row scan the others read.
import type { DatasetRule } from '../rule';
import { outcomeCalibrationDisparity } from './outcomeCalibrationDisparity';
import { outcomeConfigInvalid } from './outcomeConfigInvalid';
import { outcomeErrorDisparity } from './outcomeErrorDisparity';
import { outcomeLabelImbalance } from './outcomeLabelImbalance';
import { outcomePredictionsUnmatched } from './outcomePredictionsUnmatched';
import { outcomeSelectionDisparity } from './outcomeSelectionDisparity';

export const OUTCOME_DATASET_RULES: DatasetRule[] = [
  outcomeLabelImbalance,
  outcomeSelectionDisparity,
  outcomeErrorDisparity,
  outcomeCalibrationDisparity,
  outcomePredictionsUnmatched,
  outcomeConfigInvalid,
];
