/**
 * GONGKAI_TRUST_PROXY: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
 * believed, as a comma list of addresses or CIDR ranges. The client address is then the
 * last hop of X-Forwarded-For that is not one of them (proxy-addr, as Fastify reads it),
 * so a client cannot choose its own address by sending the header itself. "1", "true" or
 * a range covering every address would trust any sender, and are refused.
 */
import { isIP } from 'node:net';
import { fieldError, InputError } from '../../domain/shared/result.ts';

const field = 'GONGKAI_TRUST_PROXY';

function refuse(message: string): never {
  throw new InputError([fieldError(field, 'GK_TRUST_PROXY', message)]);
}

/** The trusted proxies of the setting; an empty list (trust none) when unset or empty. */
export function trustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) checkEntry(entry);
  return entries;
}

function checkEntry(entry: string): void {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (rest.length > 0 || version === 0) {
    if (/^(1|true|yes|all|\*)$/i.test(entry)) {
      refuse(
        `${field}=${entry} 会信任任何来源伪造的 X-Forwarded-For，已不再支持：请填写反向代理的 IP 地址或网段（逗号分隔），例如 ${field}=127.0.0.1 或 10.0.0.0/24`,
      );
    }
    refuse(`${field} 中的“${entry}”不是 IP 地址或网段（CIDR），请填写反向代理的地址，例如 127.0.0.1 或 10.0.0.0/24，多个以逗号分隔`);
  }
  if (prefix === undefined) return;
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) refuse(`${field} 中“${entry}”的网段前缀应为0至${max}的整数`);
  if (Number(prefix) === 0) refuse(`${field} 中的“${entry}”包含所有地址，等于信任任何来源伪造的 X-Forwarded-For：请只填写反向代理的地址或网段`);
}
