/** How the renderers mask example values, besides what the report already masked (fields declared `pii`). */
export interface MaskOptions {
  /** Mask example values of these fields. */
  readonly maskFields?: readonly string[];
  /** Mask every example value. */
  readonly maskAll?: boolean;
}
