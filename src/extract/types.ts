export interface Part {
  /** Where the text is, in words a reviewer can follow: 正文第3段, 工作表“名单”（隐藏）B3. */
  location: string;
  text: string;
  /** Not shown when the file is opened normally: hidden sheet, row, column or text, deleted revision, field code, link target. */
  hidden: boolean;
}

export interface Extracted {
  parts: Part[];
  /** Null when all content was read as text; otherwise what the reviewer must check by eye, in Chinese. */
  unreadable: string | null;
}
