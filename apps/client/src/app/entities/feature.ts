/** The SmartNgRX feature every entity of this app is registered under. */
export const FEATURE = 'sync';
