// A 200 from /sms/send says only that the request was read: each recipient
// has its own status. This reports them one by one.
import type { UserError } from '../../../shared/contract';
import { explainApplicationCode } from './errors';
import type { SendData, SendPictureData } from './schemas';

export interface RecipientOutcome {
  to: string;
  customString: string | null;
  messageId: string | null;
  parts: number | null;
  price: string | null;
  from: string | null;
  /** A picture message: the URL ClickSend sends the picture from. */
  mediaUrl: string | null;
  error: UserError | null;
}

export function recipientOutcomes(answer: SendData | SendPictureData): RecipientOutcome[] {
  return answer.messages.map((m) => {
    const ok = m.status === 'SUCCESS' && m.message_id !== null;
    return {
      to: m.to,
      customString: m.custom_string,
      messageId: ok ? m.message_id : null,
      parts: m.message_parts,
      price: m.message_price,
      from: m.from,
      mediaUrl: '_media_file_url' in m ? m._media_file_url : null,
      error: ok ? null : { code: m.status, ...explainApplicationCode(m.status) },
    };
  });
}
