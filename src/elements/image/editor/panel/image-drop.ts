import { css } from 'lit';

/**
 * Where results are shown, while files are dragged over it (the image router, shared/image-router.ts, marks it
 * `data-drop`): a dashed frame in the accent colour, inside its edge.
 */
export const imageDropStyles = css`
  .canvas[data-drop] {
    outline: 2px dashed var(--_accent);
    outline-offset: -6px;
  }
`;
