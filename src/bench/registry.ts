/**
 * Every bench check. One import per line, sorted by path, so that engineers adding sections merge
 * without conflicts; evaluation orders results by id itself.
 */
import type { BenchCheck } from './check.js';
import { check as c_5_3_1 } from './checks/c-5.3.1.js';
import { check as c_5_3_2 } from './checks/c-5.3.2.js';
import { check as c_5_3_3 } from './checks/c-5.3.3.js';
import { check as c_5_3_4 } from './checks/c-5.3.4.js';
import { check as cis_1_1_1 } from './checks/cis-1.1.1.js';
import { check as cis_1_1_10 } from './checks/cis-1.1.10.js';
import { check as cis_1_1_11 } from './checks/cis-1.1.11.js';
import { check as cis_1_1_12 } from './checks/cis-1.1.12.js';
import { check as cis_1_1_13 } from './checks/cis-1.1.13.js';
import { check as cis_1_1_14 } from './checks/cis-1.1.14.js';
import { check as cis_1_1_15 } from './checks/cis-1.1.15.js';
import { check as cis_1_1_16 } from './checks/cis-1.1.16.js';
import { check as cis_1_1_17 } from './checks/cis-1.1.17.js';
import { check as cis_1_1_18 } from './checks/cis-1.1.18.js';
import { check as cis_1_1_2 } from './checks/cis-1.1.2.js';
import { check as cis_1_1_3 } from './checks/cis-1.1.3.js';
import { check as cis_1_1_4 } from './checks/cis-1.1.4.js';
import { check as cis_1_1_5 } from './checks/cis-1.1.5.js';
import { check as cis_1_1_6 } from './checks/cis-1.1.6.js';
import { check as cis_1_1_7 } from './checks/cis-1.1.7.js';
import { check as cis_1_1_8 } from './checks/cis-1.1.8.js';
import { check as cis_1_1_9 } from './checks/cis-1.1.9.js';
import { check as cis_1_2_1 } from './checks/cis-1.2.1.js';
import { check as cis_1_2_2 } from './checks/cis-1.2.2.js';
import { check as cis_2_1 } from './checks/cis-2.1.js';
import { check as cis_2_10 } from './checks/cis-2.10.js';
import { check as cis_2_11 } from './checks/cis-2.11.js';
import { check as cis_2_12 } from './checks/cis-2.12.js';
import { check as cis_2_13 } from './checks/cis-2.13.js';
import { check as cis_2_14 } from './checks/cis-2.14.js';
import { check as cis_2_15 } from './checks/cis-2.15.js';
import { check as cis_2_16 } from './checks/cis-2.16.js';
import { check as cis_2_17 } from './checks/cis-2.17.js';
import { check as cis_2_18 } from './checks/cis-2.18.js';
import { check as cis_2_2 } from './checks/cis-2.2.js';
import { check as cis_2_3 } from './checks/cis-2.3.js';
import { check as cis_2_4 } from './checks/cis-2.4.js';
import { check as cis_2_5 } from './checks/cis-2.5.js';
import { check as cis_2_6 } from './checks/cis-2.6.js';
import { check as cis_2_7 } from './checks/cis-2.7.js';
import { check as cis_2_8 } from './checks/cis-2.8.js';
import { check as cis_2_9 } from './checks/cis-2.9.js';
import { check as cis_3_1 } from './checks/cis-3.1.js';
import { check as cis_3_10 } from './checks/cis-3.10.js';
import { check as cis_3_11 } from './checks/cis-3.11.js';
import { check as cis_3_12 } from './checks/cis-3.12.js';
import { check as cis_3_13 } from './checks/cis-3.13.js';
import { check as cis_3_14 } from './checks/cis-3.14.js';
import { check as cis_3_15 } from './checks/cis-3.15.js';
import { check as cis_3_16 } from './checks/cis-3.16.js';
import { check as cis_3_17 } from './checks/cis-3.17.js';
import { check as cis_3_18 } from './checks/cis-3.18.js';
import { check as cis_3_19 } from './checks/cis-3.19.js';
import { check as cis_3_2 } from './checks/cis-3.2.js';
import { check as cis_3_20 } from './checks/cis-3.20.js';
import { check as cis_3_21 } from './checks/cis-3.21.js';
import { check as cis_3_22 } from './checks/cis-3.22.js';
import { check as cis_3_23 } from './checks/cis-3.23.js';
import { check as cis_3_24 } from './checks/cis-3.24.js';
import { check as cis_3_3 } from './checks/cis-3.3.js';
import { check as cis_3_4 } from './checks/cis-3.4.js';
import { check as cis_3_5 } from './checks/cis-3.5.js';
import { check as cis_3_6 } from './checks/cis-3.6.js';
import { check as cis_3_7 } from './checks/cis-3.7.js';
import { check as cis_3_8 } from './checks/cis-3.8.js';
import { check as cis_3_9 } from './checks/cis-3.9.js';
import { check as cis_4_1 } from './checks/cis-4.1.js';
import { check as cis_4_10 } from './checks/cis-4.10.js';
import { check as cis_4_11 } from './checks/cis-4.11.js';
import { check as cis_4_12 } from './checks/cis-4.12.js';
import { check as cis_4_2 } from './checks/cis-4.2.js';
import { check as cis_4_3 } from './checks/cis-4.3.js';
import { check as cis_4_4 } from './checks/cis-4.4.js';
import { check as cis_4_5 } from './checks/cis-4.5.js';
import { check as cis_4_6 } from './checks/cis-4.6.js';
import { check as cis_4_7 } from './checks/cis-4.7.js';
import { check as cis_4_8 } from './checks/cis-4.8.js';
import { check as cis_4_9 } from './checks/cis-4.9.js';
import { check as cis_5_1 } from './checks/cis-5.1.js';
import { check as cis_5_10 } from './checks/cis-5.10.js';
import { check as cis_5_11 } from './checks/cis-5.11.js';
import { check as cis_5_12 } from './checks/cis-5.12.js';
import { check as cis_5_13 } from './checks/cis-5.13.js';
import { check as cis_5_14 } from './checks/cis-5.14.js';
import { check as cis_5_15 } from './checks/cis-5.15.js';
import { check as cis_5_16 } from './checks/cis-5.16.js';
import { check as cis_5_17 } from './checks/cis-5.17.js';
import { check as cis_5_18 } from './checks/cis-5.18.js';
import { check as cis_5_19 } from './checks/cis-5.19.js';
import { check as cis_5_2 } from './checks/cis-5.2.js';
import { check as cis_5_20 } from './checks/cis-5.20.js';
import { check as cis_5_21 } from './checks/cis-5.21.js';
import { check as cis_5_22 } from './checks/cis-5.22.js';
import { check as cis_5_23 } from './checks/cis-5.23.js';
import { check as cis_5_24 } from './checks/cis-5.24.js';
import { check as cis_5_25 } from './checks/cis-5.25.js';
import { check as cis_5_26 } from './checks/cis-5.26.js';
import { check as cis_5_27 } from './checks/cis-5.27.js';
import { check as cis_5_28 } from './checks/cis-5.28.js';
import { check as cis_5_29 } from './checks/cis-5.29.js';
import { check as cis_5_3 } from './checks/cis-5.3.js';
import { check as cis_5_30 } from './checks/cis-5.30.js';
import { check as cis_5_31 } from './checks/cis-5.31.js';
import { check as cis_5_32 } from './checks/cis-5.32.js';
import { check as cis_5_4 } from './checks/cis-5.4.js';
import { check as cis_5_5 } from './checks/cis-5.5.js';
import { check as cis_5_6 } from './checks/cis-5.6.js';
import { check as cis_5_7 } from './checks/cis-5.7.js';
import { check as cis_5_8 } from './checks/cis-5.8.js';
import { check as cis_5_9 } from './checks/cis-5.9.js';
import { check as cis_6_1 } from './checks/cis-6.1.js';
import { check as cis_6_2 } from './checks/cis-6.2.js';
import { check as cis_7_1 } from './checks/cis-7.1.js';
import { check as cis_7_2 } from './checks/cis-7.2.js';
import { check as cis_7_3 } from './checks/cis-7.3.js';
import { check as cis_7_4 } from './checks/cis-7.4.js';
import { check as cis_7_5 } from './checks/cis-7.5.js';
import { check as cis_7_6 } from './checks/cis-7.6.js';
import { check as cis_7_7 } from './checks/cis-7.7.js';
import { check as cis_7_8 } from './checks/cis-7.8.js';
import { check as cis_7_9 } from './checks/cis-7.9.js';

export const CHECKS: readonly BenchCheck[] = [
  c_5_3_1,
  c_5_3_2,
  c_5_3_3,
  c_5_3_4,
  cis_1_1_1,
  cis_1_1_10,
  cis_1_1_11,
  cis_1_1_12,
  cis_1_1_13,
  cis_1_1_14,
  cis_1_1_15,
  cis_1_1_16,
  cis_1_1_17,
  cis_1_1_18,
  cis_1_1_2,
  cis_1_1_3,
  cis_1_1_4,
  cis_1_1_5,
  cis_1_1_6,
  cis_1_1_7,
  cis_1_1_8,
  cis_1_1_9,
  cis_1_2_1,
  cis_1_2_2,
  cis_2_1,
  cis_2_10,
  cis_2_11,
  cis_2_12,
  cis_2_13,
  cis_2_14,
  cis_2_15,
  cis_2_16,
  cis_2_17,
  cis_2_18,
  cis_2_2,
  cis_2_3,
  cis_2_4,
  cis_2_5,
  cis_2_6,
  cis_2_7,
  cis_2_8,
  cis_2_9,
  cis_3_1,
  cis_3_10,
  cis_3_11,
  cis_3_12,
  cis_3_13,
  cis_3_14,
  cis_3_15,
  cis_3_16,
  cis_3_17,
  cis_3_18,
  cis_3_19,
  cis_3_2,
  cis_3_20,
  cis_3_21,
  cis_3_22,
  cis_3_23,
  cis_3_24,
  cis_3_3,
  cis_3_4,
  cis_3_5,
  cis_3_6,
  cis_3_7,
  cis_3_8,
  cis_3_9,
  cis_4_1,
  cis_4_10,
  cis_4_11,
  cis_4_12,
  cis_4_2,
  cis_4_3,
  cis_4_4,
  cis_4_5,
  cis_4_6,
  cis_4_7,
  cis_4_8,
  cis_4_9,
  cis_5_1,
  cis_5_10,
  cis_5_11,
  cis_5_12,
  cis_5_13,
  cis_5_14,
  cis_5_15,
  cis_5_16,
  cis_5_17,
  cis_5_18,
  cis_5_19,
  cis_5_2,
  cis_5_20,
  cis_5_21,
  cis_5_22,
  cis_5_23,
  cis_5_24,
  cis_5_25,
  cis_5_26,
  cis_5_27,
  cis_5_28,
  cis_5_29,
  cis_5_3,
  cis_5_30,
  cis_5_31,
  cis_5_32,
  cis_5_4,
  cis_5_5,
  cis_5_6,
  cis_5_7,
  cis_5_8,
  cis_5_9,
  cis_6_1,
  cis_6_2,
  cis_7_1,
  cis_7_2,
  cis_7_3,
  cis_7_4,
  cis_7_5,
  cis_7_6,
  cis_7_7,
  cis_7_8,
  cis_7_9,
];

/** Section titles as docker-bench prints them (also used by the tty and docker-bench JSON formats). */
export const SECTION_TITLES: Record<string, string> = {
  '1': 'Host Configuration',
  '2': 'Docker daemon configuration',
  '3': 'Docker daemon configuration files',
  '4': 'Container Images and Build File',
  '5': 'Container Runtime',
  '6': 'Docker Security Operations',
  '7': 'Docker Swarm Configuration',
  C: 'Community contributed checks',
};
