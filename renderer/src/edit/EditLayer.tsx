/**
 * The interactive editing layers above the overlays: the mask of the frame being edited
 * (EditMask.tsx), the superpixel outlines while the superpixel tool is active, and the tool layer
 * that takes pointer input while a tool is active (ToolLayer.tsx).
 */
import { EditMask } from './EditMask.tsx';
import { SuperpixelLayer } from './SuperpixelLayer.tsx';
import { ToolLayer } from './ToolLayer.tsx';

export function EditLayer() {
  return (
    <>
      <EditMask />
      <SuperpixelLayer />
      <ToolLayer />
    </>
  );
}
