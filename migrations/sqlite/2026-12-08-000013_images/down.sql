DROP TABLE petition_image_alts;
DROP TABLE petition_images;
DROP TABLE image_files;
