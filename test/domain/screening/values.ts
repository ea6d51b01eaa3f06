/** Numbers with valid (and deliberately broken) check characters, shared by the screening tests. */
export const valid = {
  idNumber: '11010519491231002X',
  idNumber2: '430623199001011237',
  mobile: '13812345678',
  landline: '0730-8123456',
  bankCard: '6222021234567890128',
  bankCard16: '4111111111111111',
  businessCode: '92430623MA4L8P2X11',
  email: 'zhang.san@example.com',
} as const;

export const invalid = {
  /** The check character should be 7. */
  idNumber: '430623199001011238',
  /** Check character right, but 2010-02-29 is no date. */
  idImpossibleDate: '430623201002291234',
  /** Fails Luhn. */
  bankCard16: '6217001234567890',
  /** Check character should be 1. */
  businessCode: '92430623MA4L8P2X12',
  /** A company's code (91), not an individual's business. */
  companyCode: '91430623MA4L8P2X14',
} as const;
