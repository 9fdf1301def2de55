// Given names of Turkish, Arabic, Persian, South Asian, South-East Asian and East Asian cultures,
// romanised as they are usually written in English-language documents (several common spellings
// of one name where they differ). Written from general knowledge; accents fold in the lexicon.
// Chinese and Korean given names are open sets of syllable pairs, so name-shape.ts also recognises
// their form; the names here are the common ones.
export const GIVEN_ASIA: Readonly<Record<string, string>> = {
  // Turkish and Azerbaijani.
  turkish: `Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil Süleyman Abdullah
    Mahmut Recep Kemal Salih Fatih Emre Burak Serkan Volkan Tolga Cem Can Deniz Kaan Barış Onur Oğuz Oğuzhan Uğur
    Umut Tuncay Tuncer Erkan Erdem Engin Ercan Orhan Orkun Selim Selçuk Sinan Tarık Tayfun Yavuz Yiğit Berk Arda Alp
    Eren Efe Kerem Mert Çağrı Emir Poyraz Miraç Batuhan Furkan Enes Taha Hakan Levent Gökhan Ozan Doğan Bülent Cengiz
    Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Sultan Zehra Hanife Merve Özlem Esra Büşra Kübra Tuğba Ebru Gül
    Gülsüm Songül Yasemin Derya Sevgi Sibel Pınar Aslı Burcu Ceren Dilek Ece Eda Ecrin Nehir Defne Azra Asya Ela Duru
    Belinay Buse Cansu Damla Didem Dilara Gamze Hande İpek Melis Nazlı Seda Selin Sena Şule Tülay Yeliz Leyla Aysel`,
  // Arabic (Gulf, Levant, Egypt, Maghreb), in common English spellings.
  arabic: `Abbas Abdallah Abdel Abdelkader Abdulaziz Abdullah Abdulrahman Adel Adil Ahmad Ahmed Ali Amer Amin Amir Amr
    Anwar Ashraf Ayman Ayoub Aziz Bakr Bassam Bassem Dawood Driss Emad Fadi Fahad Fahd Faris Fares Firas Fouad Ghassan
    Hadi Haitham Hakim Hamad Hamid Hani Hassan Hasan Hatem Hisham Hicham Hussein Husain Ibrahim Idris Ilyas Imad Issa
    Jaber Jalal Jamal Jihad Kamal Karim Kareem Khaled Khalid Khalil Luay Mahmoud Mahmud Majed Majid Marwan Mazen Moataz
    Mohamed Mohammad Mohammed Muhammad Mostafa Mustafa Mounir Munir Musa Nabil Nader Nadim Naser Nasser Nizar Omar Umar
    Osama Usama Othman Qasim Rami Ramzi Rashed Rashid Rayan Riad Riyad Saad Sabri Saeed Said Saif Salah Saleh Salem
    Salim Sameer Samir Sami Sharif Shadi Sultan Taha Talal Tamer Tarek Tariq Tawfiq Wael Walid Waleed Yahya Yasir Yasser
    Yassine Younes Yousef Youssef Yousif Yusuf Zaid Zayd Zayed Ziad Zakaria Zuhair
    Abeer Afaf Aisha Aysha Amal Amira Asma Asmaa Aya Basma Bushra Dalal Dana Dima Dina Duaa Eman Iman Farah Fatima Fatma
    Ghada Hafsa Haifa Hala Halima Hanan Hayat Hiba Hind Huda Inas Jamila Jana Jumana Karima Khadija Khadijah Laila Layla
    Leila Lamia Lina Loubna Lubna Malak Manal Mariam Maryam Maysa Mona Muna Nada Nadia Nahla Naima Najla Najwa Nawal
    Nisreen Noor Nour Noura Rana Rania Rasha Rawan Reem Rim Rula Safaa Salma Samar Samira Sana Sanaa Sara Sarah Shaima
    Souad Suha Sumaya Tahani Wafa Widad Wiam Yara Yasmin Yasmine Yousra Yusra Zahra Zainab Zaynab Zeina Zeinab`,
  // Persian (Iran, Afghanistan, Tajikistan).
  persian: `Afshin Ahmad Ali Amir Arash Arman Armin Babak Bahram Behnam Behrouz Behzad Bijan Cyrus Darius Dariush
    Ehsan Esfandiar Farhad Farid Fariborz Farzad Farshid Hadi Hamed Hamid Hassan Hossein Houshang Iraj Jamshid Javad
    Kambiz Kamran Kaveh Keyvan Kian Kourosh Mahmoud Majid Manouchehr Masoud Mehdi Mehran Milad Mohsen Mojtaba Morteza
    Najib Navid Nima Omid Parviz Payam Pejman Peyman Pouya Rahim Ramin Reza Rostam Saeed Shahin Shahram Siavash Sina
    Sohrab Soroush Vahid Wahid Yousef Zabihullah
    Azadeh Azar Bahar Donya Elham Farnaz Fatemeh Fereshteh Forough Golnaz Haleh Homa Laleh Leila Mahin Mahnaz Mahsa
    Marjan Maryam Mina Mitra Nasim Nasrin Nazanin Negar Neda Niloofar Niloufar Parisa Parvaneh Parvin Pegah Roya Samira
    Sepideh Setareh Shabnam Shadi Shahla Shiva Shirin Simin Soraya Tahmineh Taraneh Yasaman Zahra Ziba`,
  // South Asian: Hindi and north Indian, Bengali, Punjabi/Sikh, Marathi, Gujarati, Tamil, Telugu, Kannada,
  // Malayalam, Pakistani and Sri Lankan names.
  south_asian: `Rahul Amit Rajesh Suresh Ramesh Sanjay Vijay Anil Sunil Manoj Ajay Vikram Vikas Arjun Aditya Rohit
    Rohan Raj Ravi Ashok Deepak Pradeep Sandeep Rakesh Mukesh Mahesh Dinesh Ganesh Naresh Mohan Krishna Gopal Harish
    Nitin Sachin Saurabh Gaurav Abhishek Akshay Ankit Anand Anuj Arvind Ashish Bharat Dev Girish Hemant Jatin Karan
    Kunal Lalit Manish Mayank Mohit Naveen Pankaj Pawan Prakash Pranav Prashant Puneet Rajeev Rajiv Ranjit Sameer
    Sanjeev Satish Shankar Shashi Shiv Siddharth Sumit Sunny Tarun Uday Varun Vinay Vinod Vivek Yash Yogesh Aarav
    Vihaan Ishaan Ayaan Reyansh Krish Dhruv Kabir Advait Atharv Shaurya Arnav Parth Rishi Om Kartik Neel Harsh Madhav
    Venkatesh Srinivas Srinivasan Ramakrishna Narayan Narayana Subramaniam Subramanian Murugan Senthil
    Karthik Karthikeyan Arun Balaji Ganapathy Rajendran Selvam Saravanan Sivakumar Kumar Raja Rajan Vignesh Prabhu
    Harpreet Gurpreet Manpreet Jaspreet Amarjit Baljit Gurdeep Harjit Jaswinder Kuldeep Paramjit Sukhwinder Inderjit
    Sourav Soumya Subhash Debashis Arindam Anirban Abhijit Biswajit Partha Sudipta Tanmoy Sanjib Pritam Rabindra
    Imran Asif Faisal Kamran Usman Zubair Bilal Shahid Tariq Zahid Javed Nadeem Waqar Adnan Irfan Salman Shoaib Junaid
    Priya Pooja Anjali Sunita Anita Kavita Neha Sneha Divya Deepa Rekha Meena Geeta Gita Sita Lakshmi Laxmi Radha Asha
    Usha Nisha Shweta Swati Preeti Ritu Rani Kiran Sonia Shalini Shilpa Shreya Aishwarya Ananya Aditi Isha Riya Kriti
    Tanvi Diya Aadhya Saanvi Anika Myra Kiara Ira Navya Avni Pari Jiya Khushi Meera Mira Nandini Padma Parvati Pallavi
    Poonam Rashmi Sarita Savita Seema Shanti Shobha Smita Sudha Suman Sushma Uma Vandana Veena Vidya Jyoti Madhu Mamta
    Bhanumati Bhavna Chitra Dipika Gauri Hema Indira Indu Jaya Kalpana Kamala Kusum Lata Malini Manju Nirmala
    Nalini Pushpa Renu Roopa Saroj Shakuntala Sharmila Sujata Sumitra Urmila Vasanti Yamuna Aparna Archana Bhavana
    Harleen Simran Jasleen Gurleen Manjeet Kulwant Amrita Navneet Rupinder Parminder Kamaljit Sukhmani Taranjit
    Lakshmanan Thilagavathi Meenakshi Kavya Sangeetha Revathi Vasuki Kalaivani Deepika Ishita Trisha Mithila
    Ayesha Saima Sana Fozia Nazia Rubina Shazia Uzma Farzana Nasreen Parveen Rukhsana Shabana Tahira Yasmeen Zainab`,
  // Indonesian and Malay (many Javanese people use one name only).
  indonesian: `Budi Agus Andi Bambang Joko Eko Dwi Tri Hendra Hendro Irwan Iwan Rudi Rudy Wahyu Yudi Yusuf Arif Ari Adi
    Dedi Dedy Fajar Rizky Rizki Reza Putra Bayu Dimas Dian Gilang Hadi Herman Indra Kurniawan Rahmat Ridwan Sigit Slamet
    Sutrisno Susilo Taufik Teguh Wawan Yoga Gede Made Nyoman Ketut Wayan Kadek Komang Ahmad Muhammad Aditya Fikri Rangga
    Siti Sri Dewi Ayu Putri Rina Rini Wati Yanti Nur Nurul Fitri Indah Intan Lestari Maya Mega Ratna Retno Ani Endang
    Kartini Kartika Lia Lina Mawar Melati Novi Nining Puspita Rahayu Rahmawati Sari Setiawati Sulastri Suryani Tuti Wulan
    Yuliana Yulia Widya Anisa Annisa Aulia Citra Dinda Eka Farah Hana Kirana Laras Nabila Nadia Salsabila Tiara Zahra`,
  // Chinese (Mainland pinyin; Hong Kong, Taiwan and Singapore Cantonese/Wade-Giles spellings and English names).
  chinese: `An Bin Bo Chao Chen Cheng Chun Dan Fei Feng Gang Guang Hai Hao Hong Hua Hui Jia Jian Jie Jin Jing Jun Kai
    Lei Li Liang Lin Ling Long Mei Min Ming Na Ning Peng Ping Qi Qiang Qing Rui Shan Sheng Tao Tian Ting Wei Wen Xia
    Xiang Xin Xiu Xue Yan Yang Yi Ying Yong Yu Yue Yun Zhen Zhi Zhong
    Bowen Chunhua Dawei Guoqiang Guiying Haiyan Haoyu Hongwei Jiahao Jiahui Jianhua Jianjun Jianping Jiawei Jinhua
    Junhao Lihua Lijuan Lixin Meiling Mengyao Shiyu Shufen Siqi Wenbo Weiming Xiaodong Xiaohong Xiaohui Xiaoli
    Xiaolong Xiaomei Xiaoming Xiaoyan Xiaoyu Xiuying Yawen Yichen Yiting Yuchen Yuhua Yulan Yuting Yutong Yuxin
    Zhengyu Zhihao Zhiwei Zhiruo Ziyi Chunmei Jingyi Liying Guohua Hongmei Jianguo Wenjun Yumei Zhenhua Shuang
    Chi Ho Hoi Ka Kin Kwok Man Siu Sze Wai Wing Yee Chia-hao Chih-wei Hsiu-ying Kuan-yu Mei-ling Pei-shan Shu-fen Ya-ting`,
  // Japanese.
  japanese: `Akira Asahi Daisuke Goro Haruki Hayato Hideki Hideo Hiroki Hiroshi Hiroyuki Ichiro Isamu Itsuki Jiro
    Jun Kazuo Kei Ken Kenichi Kenji Kenshin Koichi Kota Makoto Masahiro Masato Minato Minoru Noboru Osamu Riku Ryo
    Ryota Satoshi Sho Shinji Shun Sora Taiga Takashi Takeshi Taro Tetsuya Tomoya Tsuyoshi Yamato Yoshio Yoshiro Yuki
    Yuma Yusuke Yuya Akihiro Kazuhiro Masashi Nobuo Shigeru Toshio Yasuo Yoichi Hinata Souta Yuuto Kosuke Keisuke
    Aki Akiko Ami Asami Asuka Aya Ayumi Azusa Chieko Chika Emi Eri Erika Fumiko Hanako Haruna Hina Himari Hiroko Hitomi
    Ichika Junko Kana Kanako Kaori Kaoru Kazuko Keiko Koharu Kumiko Kyoko Mai Mami Masako Mayumi Megumi Mei Michiko
    Miyu Moe Momoko Nana Naoko Noriko Nozomi Reiko Riko Rina Risa Sachiko Saki Sana Sayaka Tomoko Tomomi Tsumugi Yoko
    Yoshiko Yui Yuka Yukari Yumi Yumiko Yuna Akane Miho Natsumi Wakana Yuzuki Hanae`,
  // Korean given names as usually romanised (hyphenated, joined or spaced); name-shape.ts knows
  // the syllables they are built from.
  korean: `Byung-hun Chul-soo Dae-jung Hyun-jun Jae-hyun Jae-suk Ji-hoon Jihoon Jin-woo Jun-ho Jung-hoon Kwang-soo
    Min-ho Minho Min-jun Minjun Moon-jae Myung-bak Seo-jun Seojun Seung-ho Sung-ho Yong-soo Young-soo Jae-min Hyun-soo
    Jin-ho Sang-woo Dong-wook Kyu-won Tae-yang Won-bin Jong-min Jun-seo Do-hyun Si-woo Eun-woo Ye-jun Geon-woo
    Chae-won Eun-young Ga-young Hae-won Hee-jin Hye-won Hyun-joo Ji-eun Ji-hye Ji-yeon Jiyeon Jung-eun Kyung-hee
    Mi-kyung Min-ji Minji Seung-yeon So-yeon Soo-jin Sujin Yoon-ah Young-hee Seo-yun Ha-yoon Ji-a Su-ah Chae-yeon
    Ji-su Jisoo Yu-jin Eun-bi Hye-rin Na-yeon Da-hyun Ye-eun Su-min Ha-rin So-hee Mi-rae Eun-seo`,
  // Vietnamese given names and middle names (Văn, Thị…), single syllables as written with diacritics.
  vietnamese: `Anh Minh Hùng Dũng Tuấn Hải Hoàng Long Nam Phúc Quang Sơn Thắng Thành Trung Tùng Việt Vinh Bảo Bình Cường
    Đức Duy Hiếu Hiệp Hòa Huy Khánh Khoa Kiên Lâm Lộc Luân Mạnh Nghĩa Nhân Phong Phát Quân Quý Tài Tâm Tân Thái Thanh
    Thịnh Tiến Toàn Trí Tú Văn Vũ Hưng Đạt Đông Giang Hậu Hiển Khải Khang Lợi Lực Nguyên Phước Sang Thiện Thuận
    Thị Lan Hương Hoa Hồng Linh Mai Ngọc Nhung Phương Thảo Trang Thu Thủy Tuyết Vân Yến Hạnh Hằng Hiền Huyền Liên
    Loan Ly My Nga Nhi Như Oanh Quyên Quỳnh Tâm Thư Trâm Uyên Vy Xuân Ánh Bích Châu Diệp Dung Hà Hân Hậu Kim Lệ
    Mỹ Nguyệt Nhàn Phượng Thoa Thơ Thùy Trinh Tuyền Diễm Đào Giao Khuê Ngân Nhạn Cúc Chi Diệu Duyên Gấm Hải Huệ`,
};
