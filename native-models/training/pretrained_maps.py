"""Class maps between the pretrained models' label sets and CamVid's 11 classes."""

# The Cityscapes DeepLab's 19 output channels, in order (../shared/pretrained/cityscapes_segmentation_labels.txt
# lists them after a "background" line that has no output channel).
CITYSCAPES_CLASSES = ["road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign",
                      "vegetation", "terrain", "sky", "person", "rider", "car", "truck", "bus", "train",
                      "motorcycle", "bicycle"]

# CamVid ids: 0 Sky, 1 Building, 2 Pole, 3 Road, 4 Pavement, 5 Tree, 6 SignSymbol, 7 Fence, 8 Car,
# 9 Pedestrian, 10 Bicyclist (CamVid's 11-class grouping puts walls with buildings, traffic lights with
# signs, vegetation and terrain with trees, and all cars, vans, trucks and buses with cars).
CITYSCAPES_TO_CAMVID = [3, 4, 1, 1, 7, 2, 6, 6, 5, 5, 0, 9, 10, 8, 8, 8, 8, 10, 10]
