/**
 * Labels that exist only in the 2019 trial format (国办公开办函〔2019〕60号), used to tell
 * a report written on the outdated template (rule X-02; spec §1.8).
 */
export const labels2019Only = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '第二十条第（九）项',
  '政府集中采购',
  '采购项目数量',
  '采购总金额',
] as const;

export const formatDocument2019 = { number: '国办公开办函〔2019〕60号', lastYear: 2020 } as const;
