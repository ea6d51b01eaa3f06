import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trustedProxies } from '../../../src/web/config/trust-proxy.ts';
import { InputError } from '../../../src/domain/shared/result.ts';

const refusal = (value: string) => {
  try {
    trustedProxies(value);
  } catch (e) {
    assert.ok(e instanceof InputError);
    assert.equal(e.errors[0]!.field, 'GONGKAI_TRUST_PROXY');
    return e.errors[0]!.message;
  }
  assert.fail(`${value} was accepted`);
};

test('GONGKAI_TRUST_PROXY takes proxy addresses and CIDR ranges, comma separated', () => {
  assert.deepEqual(trustedProxies(undefined), []);
  assert.deepEqual(trustedProxies(' '), []);
  assert.deepEqual(trustedProxies('127.0.0.1'), ['127.0.0.1']);
  assert.deepEqual(trustedProxies('10.0.0.0/24, 192.168.1.7 ,::1,fd00::/8'), ['10.0.0.0/24', '192.168.1.7', '::1', 'fd00::/8']);
});

test('trusting everyone is refused with a message that says what to write instead', () => {
  for (const value of ['1', 'true', 'all', '*']) {
    const message = refusal(value);
    assert.match(message, /会信任任何来源伪造的 X-Forwarded-For/);
    assert.match(message, /127\.0\.0\.1/);
  }
  assert.match(refusal('0.0.0.0/0'), /包含所有地址/);
  assert.match(refusal('::/0'), /包含所有地址/);
});

test('what is not an address or a range is refused, naming the entry', () => {
  assert.match(refusal('127.0.0.1,proxy.local'), /“proxy\.local”不是 IP 地址或网段/);
  assert.match(refusal('10.0.0.0/33'), /前缀应为0至32的整数/);
  assert.match(refusal('10.0.0.0/8/1'), /不是 IP 地址或网段/);
  assert.match(refusal('fd00::/129'), /前缀应为0至128的整数/);
});
