// Account state and GET /account.
import type { AccountState, Handler, SimAccount } from './types';
import { HistoryStore } from './history';
import { createMmsState } from './mms-store';
import { ok } from './envelope';

export const CURRENCY = {
  currency_name_short: 'AUD',
  currency_prefix_d: '$',
  currency_prefix_c: 'c',
  currency_name_long: 'Australian Dollars',
} as const;

export function createAccount(a: SimAccount, index: number): AccountState {
  const subaccountId = 563840 + index;
  return {
    username: a.username,
    apiKey: a.apiKey,
    userId: 496596 + index,
    subaccountId,
    balanceUnits: Math.round((a.balance ?? 100) * 10000),
    lowCreditUnits: Math.round((a.lowCreditAmount ?? 0) * 10000),
    history: new HistoryStore(subaccountId),
    inbound: [],
    receipts: [],
    templates: new Map(),
    lists: new Map(),
    contacts: new Map(),
    scheduled: new Set(),
    mms: createMmsState(subaccountId),
  };
}

/** "100.00" for whole cents, otherwise all four decimals ("99.9208") so charges stay visible. */
export function formatBalance(units: number): string {
  return units % 100 === 0 ? (units / 10000).toFixed(2) : (units / 10000).toFixed(4);
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const getAccount: Handler = ({ account }) => {
  const local = account.username.split(/[@._-]/)[0] || 'test';
  return ok(
    {
      user_id: account.userId,
      username: account.username,
      user_email: account.username.includes('@') ? account.username : `${account.username}@example.com`,
      balance: formatBalance(account.balanceUnits),
      user_phone: '+61411111111',
      user_first_name: titleCase(local),
      user_last_name: 'Tester',
      account: account.subaccountId,
      account_name: `${titleCase(local)} Pty Ltd`,
      account_billing_email: `billing+${local}@example.com`,
      account_billing_mobile: '+61411111111',
      active: 1,
      banned: 0,
      country: 'AU',
      default_country_sms: 'AU',
      timezone: 'Australia/Melbourne',
      // A string with cents, as in ClickSend's example ("0.00": not set).
      low_credit_amount: (account.lowCreditUnits / 10000).toFixed(2),
      setting_unicode_sms: 1,
      subaccount_id: account.subaccountId,
      _subaccount: {
        subaccount_id: account.subaccountId,
        api_username: account.username,
        email: `${local}@example.com`,
        first_name: titleCase(local),
        last_name: 'Tester',
        access_users: 1,
        access_billing: 1,
        access_reporting: 1,
        access_contacts: 1,
        access_settings: 1,
        access_sms: 1,
        share_campaigns: 0,
      },
      _currency: CURRENCY,
    },
    "Here's your account",
  );
};
